// Words for the customer's side of the counter (issue 21): accessibility names, the spoken "paid"
// settings, the customer's own tip and language, the camera scanner. Spread into en, fr and zh.

export const customerSideEn = {
  'a11y.actions': 'Actions',
  'customer.qrName': 'QR code, {wallet}, {amount}',
  'settings.customerSide': 'Customer side and accessibility',
  'settings.largeText': 'Large text (twice the size)',
  'settings.speakPaid': 'Say “paid” aloud (and refunds)',
  'settings.speakVolume': 'Voice volume',
  'settings.customerPicksTip': 'The customer picks the tip (touch customer display)',
  'settings.camera': 'Camera as scanner',
  'settings.customerSideSave': 'Save customer side',
  'camera.off': 'Off',
  'camera.till': 'This till’s camera',
} as const;

type Key = keyof typeof customerSideEn;

export const customerSideFr: Record<Key, string> = {
  'a11y.actions': 'Actions',
  'customer.qrName': 'Code QR, {wallet}, {amount}',
  'settings.customerSide': 'Côté client et accessibilité',
  'settings.largeText': 'Grand texte (deux fois plus grand)',
  'settings.speakPaid': 'Annoncer « payé » à voix haute (et les remboursements)',
  'settings.speakVolume': 'Volume de la voix',
  'settings.customerPicksTip': 'Le client choisit le pourboire (afficheur client tactile)',
  'settings.camera': 'Caméra comme lecteur',
  'settings.customerSideSave': 'Enregistrer le côté client',
  'camera.off': 'Désactivée',
  'camera.till': 'Caméra de cette caisse',
};

export const customerSideZh: Record<Key, string> = {
  'a11y.actions': '操作',
  'customer.qrName': '二维码，{wallet}，{amount}',
  'settings.customerSide': '顾客端与无障碍',
  'settings.largeText': '大字体（两倍大小）',
  'settings.speakPaid': '语音播报收款（及退款）',
  'settings.speakVolume': '播报音量',
  'settings.customerPicksTip': '顾客自选小费（触摸屏顾客显示器）',
  'settings.camera': '摄像头扫码',
  'settings.customerSideSave': '保存顾客端设置',
  'camera.off': '关闭',
  'camera.till': '本收银机的摄像头',
};
