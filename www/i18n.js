// The page's own words in English and Chinese (the field labels carry both already). Static text
// carries `data-i18n` (its English text is the key); code asks `t(english)` for dynamic text.
const ZH = {
  'order builder': '订单构建器',
  Endpoint: '接口',
  Language: '语言',
  'Load example': '载入示例',
  'Start blank': '空白开始',
  'Import JSON…': '导入 JSON…',
  'Export JSON': '导出 JSON',
  'Share link': '分享链接',
  Order: '订单',
  'Raw JSON (stays in sync with the form)': '原始 JSON（与表单同步）',
  Issues: '问题',
  Credentials: '凭证',
  "kept in this page's memory only": '仅保存在本页内存中',
  "Use the sandbox's test credentials": '使用沙箱测试凭证',
  'Signed request': '已签名的请求',
  'Show secrets in the preview': '在预览中显示密钥',
  'Copy as curl': '复制为 curl',
  'Copy as fetch()': '复制为 fetch()',
  Send: '发送',
  'Sending…': '发送中…',
  'Show all': '显示全部',
  'more lines': '行未显示',
  'Local sandbox': '本地沙箱',
  'Gateway URL': '网关地址',
  History: '历史',
  'requests sent from this page, secrets masked': '本页发送过的请求，密钥已遮盖',
  Batch: '批量',
  'Drop a .csv, .jsonl or .json file of orders for the selected endpoint here, or pick one. The orders and what was sent are kept in this browser (never the credentials), so a reload resumes without sending anything twice.':
    '把所选接口的订单文件（.csv、.jsonl 或 .json）拖到这里，或选择一个文件。订单和发送记录保存在本浏览器中（凭证从不保存），刷新后可继续，不会重复发送。',
  'Pick a file…': '选择文件…',
  'Send valid orders / resume': '发送有效订单 / 继续',
  Pause: '暂停',
  "Save the form's order to the batch": '把表单中的订单存回批量',
  'Export results (CSV)': '导出结果（CSV）',
  'Place in file': '文件中的位置',
  Key: '键',
  State: '状态',
  'No problems found.': '没有发现问题。',
  "Enter the credentials (or use the sandbox's) to see the signed request.": '输入凭证（或使用沙箱的）即可查看签名后的请求。',
};

let language = 'en';

/** The text in the page's language. */
export const t = (english) => (language === 'zh' ? ZH[english] ?? english : english);

/** Switches the page's words; `data-i18n` elements keep their English text as the key. */
export function setLanguage(lang) {
  language = lang === 'zh' ? 'zh' : 'en';
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  for (const el of document.querySelectorAll('[data-i18n]')) {
    el.dataset.i18n ||= el.textContent.trim();
    el.textContent = t(el.dataset.i18n);
  }
}
