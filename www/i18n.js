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
  // Dynamic text: `{name}` is filled in by t(english, { name }).
  'validated in {ms} ms': '校验用时 {ms} 毫秒',
  'Not JSON yet: {message}': '还不是 JSON：{message}',
  'An order is a JSON object ({ … }), not {what}: the form keeps the last order.': '订单是一个 JSON 对象（{ … }），不是{what}：表单保留上一个订单。',
  'The JSON {problem}: the form keeps the last order.': '这段 JSON {problem}：表单保留上一个订单。',
  'a list': '列表',
  'a {type}': '{type}',
  'Not signed: the order has {errors} (listed under Issues).': '未签名：订单有 {errors}（见“问题”）。',
  'String to sign': '待签名字符串',
  '(secret masked)': '（密钥已遮盖）',
  Signature: '签名',
  'This transport carries a token instead of a signature.': '此接口使用令牌，而不是签名。',
  Body: '请求体',
  'Copied (with the real credentials).': '已复制（含真实凭证）。',
  'The browser refused the clipboard.': '浏览器拒绝了剪贴板访问。',
  'This order was already sent to {title}. Sending it again may create a second order. Send again?': '此订单已发送到{title}。再次发送可能会创建第二个订单。仍要发送吗？',
  Success: '成功',
  'Error {code}: {message}': '错误 {code}：{message}',
  Parsed: '解析结果',
  Raw: '原始应答',
  'The request that went out': '实际发出的请求',
  '(no answer)': '（没有应答）',
  'no answer yet: the order may have been received': '尚无应答：订单可能已被接收',
  'The Batch tab could not start: {message}': '批量标签页无法启动：{message}',
  '{n} of these orders were already sent from the form ({keys}); sending them again may create second orders. Send the batch with them?': '其中 {n} 个订单已从表单发送过（{keys}）；再次发送可能会创建重复订单。仍然连同它们一起发送这批订单吗？',
  'order type': '订单类型',
  '{what} replaces the order in the form, and your edits to it. Continue?': '“{what}”会替换表单中的订单和你的修改。继续吗？',
  'Imported {file} as a {title} order.': '已将 {file} 作为{title}订单导入。',
  'Could not import {file}: {message}': '无法导入 {file}：{message}',
  'Link copied.': '链接已复制。',
  'Copy the link above.': '请复制上面的链接。',
  'Imported {count} order(s).': '已导入 {count} 个订单。',
  'Could not read {file}: {message}': '无法读取 {file}：{message}',
  '{state}: {ok} ok, {failed} failed, {invalid} not sent (invalid), {unknown} unknown, {skipped} already done.': '{state}：成功 {ok}，失败 {failed}，未发送（无效）{invalid}，未知 {unknown}，此前已完成 {skipped}。',
  Done: '完成',
  Paused: '已暂停',
  'Could not send: {message}': '无法发送：{message}',
  'Not sent: the send could not be recorded in this page ({message}), and without that record a later Send could not tell that this order went': '未发送：本页无法记录这次发送（{message}），没有这条记录，之后的“发送”就无法得知此订单已发出',
  'Found at the provider': '已在服务商处找到',
  'Not at the provider': '服务商处没有',
  order: '订单',
  'Order {key}: you found it at the provider, so it was created? It will not be sent again.': '订单 {key}：您在服务商处找到了它，即它已创建？它将不会再被发送。',
  'Order {key}: you looked it up at the provider and it is not there? The next Send sends it.': '订单 {key}：您在服务商处查过，它不存在？下次“发送”会发送它。',
  'Order {key} recorded as created.': '订单 {key} 已记录为已创建。',
  'Order {key} recorded as not created: Send sends it.': '订单 {key} 已记录为未创建：“发送”会发送它。',
  'Could not record it: {message}': '无法记录：{message}',
  'Orders are being sent to {title} elsewhere (a batch, or Send, in this or another tab or window); wait until that ends, then send': '订单正在别处发送到{title}（批量发送，或本页、另一个标签页或窗口中的“发送”）；请等它结束后再发送',
  'another tab or window has this page open in an older version: reload or close it, then try again': '另一个标签页或窗口打开着此页面的旧版本：请重新加载或关闭它，然后重试',
  'A browser may send a request again by itself when its connection closes before any answer. Where that could create a second order, send from Node (ordercraft send, or sendBatch), not from this page.': '连接在收到任何应答之前关闭时，浏览器可能自行再次发送请求。在这可能产生第二个订单的地方，请从 Node 发送（ordercraft send 或 sendBatch），而不是从此页面发送。',
  'this page cannot make sure that no other tab sends these orders at the same time (browsers lock across tabs only for pages served over https or from localhost): open the builder over https or on localhost to send': '此页面无法确保没有其他标签页同时发送这些订单（浏览器仅为通过 https 或 localhost 提供的页面提供跨标签页锁）：请通过 https 或在 localhost 上打开订单构建器再发送',
  "Saved the form's order to the batch.": '已把表单中的订单存回批量。',
  'Add {name}': '添加 {name}',
  'Remove {name}': '删除 {name}',
  Remove: '删除',
  'Move {name} {n} up': '上移 {name} {n}',
  'Move {name} {n} down': '下移 {name} {n}',
  'Remove {name} {n}': '删除 {name} {n}',
  none: '无',
  '(order)': '（整个订单）',
  '{severity} at {path}: {code}': '{severity}：{path}（{code}）',
  error: '错误',
  warning: '警告',
  'not allowed': '不允许',
  '— not set —': '— 未设置 —',
  "Enter the credentials (or use the sandbox's) to see the signed request.": '输入凭证（或使用沙箱的）即可查看签名后的请求。',
};

let language = 'en';

/** The text in the page's language, `{name}` filled in from `values`. */
export function t(english, values = {}) {
  const text = language === 'zh' ? ZH[english] ?? english : english;
  return text.replaceAll(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/** `n` of something, as each language counts: "2 errors", "2 个错误". */
export const counted = (n, word) => (language === 'zh' ? `${n} 个${t(word)}` : `${n} ${word}${n === 1 ? '' : 's'}`);

/** The endpoint's title in the page's language. */
export const titleOf = (endpoint) => (language === 'zh' ? endpoint.titleZh : endpoint.title);

/** Switches the page's words; `data-i18n` elements keep their English text as the key. */
export function setLanguage(lang) {
  language = lang === 'zh' ? 'zh' : 'en';
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  for (const el of document.querySelectorAll('[data-i18n]')) {
    el.dataset.i18n ||= el.textContent.trim();
    el.textContent = t(el.dataset.i18n);
  }
}
