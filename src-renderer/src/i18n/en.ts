export default {
  app: {
    title: 'wxfleet mini-program fleet console',
    loading: 'Connecting to the main process…',
    profile: 'Profile',
    version: 'Version',
    offline: 'Not connected to the main process',
  },
};
