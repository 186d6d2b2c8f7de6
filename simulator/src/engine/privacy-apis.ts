/**
 * The location privacy interfaces (05 E24): each needs an approved application before use, and, like chooseAddress,
 * a declaration in ext_json `requiredPrivateInfos` (05 E1, E19).
 */
export const PRIVACY_INTERFACES: Record<string, { ch: string; desc: string }> = {
  'wx.getLocation': { ch: '获取当前的地理位置、速度', desc: '获取当前的地理位置、速度，用于定位附近门店等场景' },
  'wx.getFuzzyLocation': { ch: '获取模糊地理位置', desc: '获取当前的模糊地理位置' },
  'wx.chooseLocation': { ch: '打开地图选择位置', desc: '打开地图让用户选择位置' },
  'wx.choosePoi': { ch: '打开POI列表选择位置', desc: '打开 POI 列表让用户选择位置' },
  'wx.onLocationChange': { ch: '监听实时地理位置变化事件', desc: '监听实时地理位置变化' },
  'wx.startLocationUpdate': { ch: '开启小程序进入前台时接收位置消息', desc: '小程序在前台时接收位置消息' },
  'wx.startLocationUpdateBackground': {
    ch: '开启小程序进入前后台时均接收位置消息',
    desc: '小程序在前台或后台时都接收位置消息',
  },
};

/** Names `requiredPrivateInfos` may hold (without the `wx.` prefix). */
export const DECLARABLE = new Set([...Object.keys(PRIVACY_INTERFACES).map((api) => api.slice(3)), 'chooseAddress']);

/** Precise-location APIs that may not be declared together with getFuzzyLocation (85311). */
export const PRECISE = ['getLocation', 'onLocationChange', 'startLocationUpdate', 'startLocationUpdateBackground'];

/** Privacy keys of the guide (05 E22) an API touches; what getprivacysetting reports in `privacy_list`. */
export const PRIVACY_KEY_OF: Record<string, string> = {
  getLocation: 'Location',
  getFuzzyLocation: 'Location',
  onLocationChange: 'Location',
  startLocationUpdate: 'Location',
  startLocationUpdateBackground: 'Location',
  chooseLocation: 'Location',
  choosePoi: 'Location',
  chooseAddress: 'Address',
  chooseImage: 'Album',
  getPhoneNumber: 'PhoneNumber',
};

/** The label of each privacy key, as getprivacysetting shows it (05 E22). */
export const PRIVACY_LABELS: Record<string, string> = {
  UserInfo: '用户信息（微信昵称、头像）',
  Location: '位置信息',
  Address: '地址',
  Invoice: '发票信息',
  RunData: '微信运动步数',
  Record: '麦克风',
  Album: '选中的照片或视频信息',
  Camera: '摄像头',
  PhoneNumber: '手机号码',
  Contact: '通讯录（仅写入）权限',
  DeviceInfo: '设备信息',
  EXIDNumber: '身份证号码',
  EXOrderInfo: '订单信息',
  EXUserPublishContent: '发布内容',
  EXUserFollowAcct: '所关注账号',
  EXUserOpLog: '操作日志',
  AlbumWriteOnly: '相册（仅写入）权限',
  LicensePlate: '车牌号',
  BlueTooth: '蓝牙',
  CalendarWriteOnly: '日历（仅写入）权限',
  Email: '邮箱',
  MessageFile: '选中的文件',
};
