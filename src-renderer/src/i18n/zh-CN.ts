export default {
  app: {
    title: 'wxfleet 小程序舰队控制台',
    loading: '正在连接主进程…',
    profile: '配置档',
    version: '版本',
    offline: '未连接到主进程',
  },
};
