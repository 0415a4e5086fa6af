// The page's words, Chinese first, with the English switch. Static text
// carries data-i18n="key" (textContent) or data-i18n-attr="attr:key;…";
// code calls NB.t(key, …args), where {0}, {1}… are replaced by the arguments.
'use strict';

window.NB = window.NB || {};

(function () {
  const words = {
    zh: {
      title: '年报体检',
      docTitle: '年报体检 · 政府信息公开工作年度报告检查',
      tagline: '检查政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）。全文只在本机浏览器中检查，不会上传。',
      skip: '跳到检查结果',
      lang: 'English',
      langLabel: 'Switch to English',
      bigger: '大字',
      inputLabel: '年报全文',
      inputHint: '粘贴全文（从 Word、WPS 或网页复制时保留表格），或把 .txt、.md、.html 文件拖到这里。',
      placeholder: '在此粘贴年报全文，边输入边检查……',
      open: '打开文件…',
      sample: '示例报告',
      check: '检查',
      loading: '正在加载检查模块……',
      ready: '检查模块已就绪',
      checking: '正在检查……',
      checked: '检查完成（{0} 毫秒）',
      loadFailed: '无法加载检查模块：{0}。请刷新页面；如仍不行，请换用新版浏览器。',
      checkFailed: '检查时出错：{0}',
      stopped: '检查模块出错并已停止：{0}。请刷新页面。',
      fileRead: '已读取文件 {0}（{1}）',
      fileFailed: '无法读取文件 {0}：{1}',
      fileType: '只支持 .txt、.md、.html 文件',
      htmlRead: '已按表格读取粘贴的内容',
      largeNote: '全文很长（{0} 字），为保持页面流畅，编辑框只显示第 {1}–{2} 字；检查的是全文，选中问题时会跳到相应位置。',
      resultsTitle: '检查结果',
      empty: '请粘贴或输入年报全文。',
      pass: '通过',
      passWith: '通过（另有 {0} 个警告、{1} 个提示）',
      fail: '未通过：{0} 个错误、{1} 个警告、{2} 个提示',
      error: '错误', warning: '警告', info: '提示',
      line: '第 {0} 行',
      fix: '建议：',
      arithmetic: '算式：',
      ruleDoc: '规则说明',
      more: '另有 {0} 条未列出（见导出的 JSON）',
      prev: '上一个问题',
      next: '下一个问题',
      keys: '快捷键：F8 下一个问题，Shift+F8 上一个问题；在问题上按 Enter 选中原文。',
      position: '第 {0}/{1} 个问题：{2}',
      tablesTitle: '表格核对',
      tablesHint: '按读到的内容列出表二、表三、表四；标红的格子有误，并写出应为的数。',
      table2: '表二 主动公开政府信息情况',
      table3: '表三 收到和处理政府信息公开申请情况',
      table4: '表四 政府信息公开行政复议、行政诉讼情况',
      infoContent: '信息内容',
      rowHeader: '项目',
      expected: '应为 {0}',
      notFound: '未读到',
      noTables: '没有读到表格。',
      exportTitle: '导出',
      exportJson: '导出问题（JSON）',
      exportCsv: '导出表格（CSV）',
      print: '打印签核摘要',
      rulesTitle: '规则说明',
      rulesHint: '每项检查的依据，来自检查模块的规则登记表。',
      what: '检查什么：', why: '为什么：', example: '示例：', basis: '依据：',
      severity: '级别：',
      sheetTitle: '政府信息公开工作年度报告 体检结果',
      sheetReport: '报告',
      sheetBody: '机关',
      sheetYear: '年度',
      sheetTool: '检查工具',
      sheetDate: '检查日期',
      sheetVerdict: '结论',
      sheetNo: '序号',
      sheetSeverity: '级别',
      sheetRule: '规则',
      sheetWhere: '位置',
      sheetMessage: '问题与建议',
      sheetNone: '未发现问题。',
      signChecker: '检查人：',
      signReviewer: '审核人：',
      signDate: '日期：',
      csvTable: '表',
      csvRow: '行',
      csvColumn: '列',
      csvRead: '读到',
      csvExpected: '应为',
      csvRule: '规则',
      csvFixes: '需要更正的单元格',
      footer: '年报体检',
      embedTitle: '年报体检 · 粘贴年报全文',
      embedNote: '全文只在本机浏览器中检查，不会上传。',
      embedRefused: '检查模块已就绪；不接受的网站来源：{0}（请写明完整来源，如 https://www.example.gov.cn）',
    },
    en: {
      title: 'nianbao — annual report check',
      docTitle: 'nianbao · annual report check',
      tagline: 'Checks a government information disclosure annual report (format 国办公开办函〔2021〕30号). The text is checked in this browser only and never uploaded.',
      skip: 'Skip to the results',
      lang: '中文',
      langLabel: '切换到中文',
      bigger: 'Larger',
      inputLabel: 'Full text of the report',
      inputHint: 'Paste the text (tables are kept when copied from Word, WPS or a web page), or drop a .txt, .md or .html file here.',
      placeholder: 'Paste the report here; it is checked as you type…',
      open: 'Open file…',
      sample: 'Sample report',
      check: 'Check',
      loading: 'Loading the checker…',
      ready: 'The checker is ready',
      checking: 'Checking…',
      checked: 'Checked ({0} ms)',
      loadFailed: 'The checker could not be loaded: {0}. Reload the page, or use a newer browser.',
      checkFailed: 'The check failed: {0}',
      stopped: 'The checker stopped after an error: {0}. Reload the page.',
      fileRead: 'Read {0} ({1})',
      fileFailed: 'Could not read {0}: {1}',
      fileType: 'Only .txt, .md and .html files',
      htmlRead: 'The pasted tables were kept',
      largeNote: 'The text is long ({0} characters): to keep the page fast the box shows characters {1}–{2}. The whole text is checked; selecting a finding moves there.',
      resultsTitle: 'Results',
      empty: 'Paste or type the full text of the report.',
      pass: 'Passed',
      passWith: 'Passed ({0} warnings, {1} notes)',
      fail: 'Not passed: {0} errors, {1} warnings, {2} notes',
      error: 'Error', warning: 'Warning', info: 'Note',
      line: 'line {0}',
      fix: 'Fix: ',
      arithmetic: 'Sum: ',
      ruleDoc: 'About this rule',
      more: '{0} more not listed (see the JSON export)',
      prev: 'Previous finding',
      next: 'Next finding',
      keys: 'Keys: F8 next finding, Shift+F8 previous; Enter on a finding selects it in the text.',
      position: 'Finding {0} of {1}: {2}',
      tablesTitle: 'Tables',
      tablesHint: 'Tables 2, 3 and 4 as read; cells marked red are wrong and show the expected number.',
      table2: 'Table 2 · Proactive disclosure',
      table3: 'Table 3 · Requests received and handled',
      table4: 'Table 4 · Administrative review and litigation',
      infoContent: 'Item',
      rowHeader: 'Row',
      expected: 'should be {0}',
      notFound: 'not found',
      noTables: 'No table was read.',
      exportTitle: 'Export',
      exportJson: 'Findings (JSON)',
      exportCsv: 'Tables (CSV)',
      print: 'Print a summary for sign-off',
      rulesTitle: 'Rules',
      rulesHint: 'What each check is based on, from the checker\'s rule registry (details in Chinese).',
      what: 'Checks: ', why: 'Why: ', example: 'Example: ', basis: 'Basis: ',
      severity: 'Severity: ',
      sheetTitle: 'Annual report check — summary',
      sheetReport: 'Report',
      sheetBody: 'Body',
      sheetYear: 'Year',
      sheetTool: 'Checked with',
      sheetDate: 'Date',
      sheetVerdict: 'Verdict',
      sheetNo: 'No.',
      sheetSeverity: 'Severity',
      sheetRule: 'Rule',
      sheetWhere: 'Where',
      sheetMessage: 'Finding and fix',
      sheetNone: 'No findings.',
      signChecker: 'Checked by: ',
      signReviewer: 'Reviewed by: ',
      signDate: 'Date: ',
      csvTable: 'Table',
      csvRow: 'Row',
      csvColumn: 'Column',
      csvRead: 'Read',
      csvExpected: 'Expected',
      csvRule: 'Rule',
      csvFixes: 'Cells to correct',
      footer: 'nianbao',
      embedTitle: 'nianbao · paste the annual report',
      embedNote: 'The text is checked in this browser only and never uploaded.',
      embedRefused: 'The checker is ready; origins not accepted: {0} (give a full origin such as https://www.example.gov.cn)',
    },
  };

  let lang = 'zh';

  NB.lang = () => lang;

  NB.t = function (key, ...args) {
    const s = words[lang][key] !== undefined ? words[lang][key] : words.zh[key];
    if (s === undefined) return key;
    return s.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)]));
  };

  // Of a {zh, en} pair from the module, the current language's (or the other).
  NB.pick = function (pair) {
    if (pair === null || pair === undefined) return '';
    if (typeof pair !== 'object') return String(pair);
    return pair[lang] || pair.zh || pair.en || '';
  };

  NB.setLang = function (next) {
    lang = next === 'en' ? 'en' : 'zh';
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = NB.t(el.dataset.i18n);
    for (const el of document.querySelectorAll('[data-i18n-attr]')) {
      for (const pair of el.dataset.i18nAttr.split(';')) {
        const [attr, key] = pair.split(':');
        el.setAttribute(attr, NB.t(key));
      }
    }
    // The switch names the other language, in that language.
    const other = document.getElementById('lang');
    if (other) other.lang = lang === 'en' ? 'zh-CN' : 'en';
    document.title = NB.t('docTitle');
  };
})();
