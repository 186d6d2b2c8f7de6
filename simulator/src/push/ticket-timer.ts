import type { Sim } from '../sim.js';

/** Pushes a fresh component_verify_ticket every `ticketIntervalSeconds` of simulated time (01 A1). */
export class TicketTimer {
  private timer: number | null = null;
  paused = false;

  constructor(private readonly sim: Sim) {}

  start(pushNow: boolean): void {
    if (pushNow) this.pushNow();
    this.arm();
  }

  pushNow(): void {
    this.sim.events.ticket(this.sim.credentials.issueTicket());
  }

  pause(paused: boolean): void {
    this.paused = paused;
    if (!paused && this.timer === null) this.arm();
  }

  stop(): void {
    this.sim.clock.cancel(this.timer);
    this.timer = null;
  }

  private arm(): void {
    const interval = this.sim.config.ticketIntervalSeconds;
    if (interval <= 0) return;
    this.timer = this.sim.clock.after(interval, () => {
      this.timer = null;
      if (this.paused) return;
      this.pushNow();
      this.arm();
    });
  }
}
