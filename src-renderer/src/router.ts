import { createRouter, createWebHashHistory } from 'vue-router';
import {
  Bell,
  Collection,
  CircleCheck,
  Document,
  Grid,
  Odometer,
  Plus,
  Setting,
  Tickets,
} from '@element-plus/icons-vue';
// The fleet list is the page people live in: bundled with the app so opening it costs no chunk fetch.
import MiniProgramsPage from './pages/MiniProgramsPage.vue';

export const NAV = [
  { path: '/overview', name: 'overview', icon: Odometer },
  { path: '/mini-programs', name: 'miniPrograms', icon: Grid },
  { path: '/templates', name: 'templates', icon: Collection },
  { path: '/audits', name: 'audits', icon: CircleCheck },
  { path: '/jobs', name: 'jobs', icon: Tickets },
  { path: '/onboarding', name: 'onboarding', icon: Plus },
  { path: '/events', name: 'events', icon: Bell },
  { path: '/logs', name: 'logs', icon: Document },
  { path: '/settings', name: 'settings', icon: Setting },
] as const;

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: '/overview' },
    { path: '/overview', name: 'overview', component: () => import('./pages/OverviewPage.vue') },
    { path: '/mini-programs', name: 'miniPrograms', component: MiniProgramsPage },
    { path: '/templates', name: 'templates', component: () => import('./pages/TemplatesPage.vue') },
    { path: '/audits', name: 'audits', component: () => import('./pages/AuditsPage.vue') },
    { path: '/jobs', name: 'jobs', component: () => import('./pages/JobsPage.vue') },
    { path: '/onboarding', name: 'onboarding', component: () => import('./pages/OnboardingPage.vue') },
    { path: '/events', name: 'events', component: () => import('./pages/EventsPage.vue') },
    { path: '/logs', name: 'logs', component: () => import('./pages/LogsPage.vue') },
    { path: '/settings', name: 'settings', component: () => import('./pages/SettingsPage.vue') },
  ],
});
