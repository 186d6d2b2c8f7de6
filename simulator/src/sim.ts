import { SimClock } from './clock.js';
import type { SimulatorConfig } from './config.js';
import { AuditEngine } from './engine/audit-engine.js';
import { CallLog } from './http/call-log.js';
import { Faults } from './http/faults.js';
import { PushEvents } from './push/events.js';
import { Pusher } from './push/pusher.js';
import { Accounts } from './state/accounts.js';
import { Credentials } from './state/credentials.js';
import { JsCodes } from './state/jscodes.js';
import { MediaStore } from './state/media.js';
import { Quotas } from './state/quotas.js';
import { TemplateLibrary } from './state/templates.js';

/** Everything the routes share: state, clock, pushes. Built once per simulator. */
export class Sim {
  readonly clock = new SimClock();
  readonly credentials: Credentials;
  readonly accounts = new Accounts();
  readonly templates = new TemplateLibrary();
  readonly quotas: Quotas;
  readonly media = new MediaStore();
  readonly jscodes = new JsCodes();
  readonly pusher: Pusher;
  readonly events: PushEvents;
  readonly audits: AuditEngine;
  readonly faults = new Faults();
  readonly calls: CallLog;
  nextAuditId = 400000000 + Math.floor(Math.random() * 1000000);
  nextNicknameAuditId = 1000;
  nextPrivacyApplyId = 5000000 + Math.floor(Math.random() * 100000);
  /** The address the simulator is reachable at, for head_img and authorize URLs. */
  baseUrl = 'http://127.0.0.1';

  constructor(readonly config: SimulatorConfig) {
    this.credentials = new Credentials(this.clock, config);
    this.quotas = new Quotas(config);
    this.pusher = new Pusher(config, this.clock);
    this.events = new PushEvents(config, this.clock, this.pusher);
    this.audits = new AuditEngine(config, this.clock, this.events, this.media);
    this.calls = new CallLog(config.callLogSize);
  }

  now(): number {
    return this.clock.now();
  }
}
