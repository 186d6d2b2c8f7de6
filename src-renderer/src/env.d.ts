/// <reference types="vite/client" />
import type { Bridge } from '@contract/bridge';

declare global {
  interface Window {
    wxfleet?: Bridge;
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
