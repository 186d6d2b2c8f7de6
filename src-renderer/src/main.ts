import { createApp } from 'vue';
import { createPinia } from 'pinia';
import ElementPlus from 'element-plus';
import 'element-plus/dist/index.css';
import 'element-plus/theme-chalk/dark/css-vars.css';
import './styles.css';
import App from './App.vue';
import { loginNeeded } from './api/web-session';
import { i18n } from './i18n';
import LoginNeededPage from './pages/LoginNeededPage.vue';
import { router } from './router';

void loginNeeded()
  .catch(() => null)
  .then((reason) => {
    if (reason !== null) createApp(LoginNeededPage, { reason }).use(i18n).mount('#app');
    else createApp(App).use(createPinia()).use(router).use(i18n).use(ElementPlus).mount('#app');
  });
