// 正文编辑器: Trix (vendor/trix) on the body textarea, which stays the form field (Trix writes
// its HTML into it). Without JavaScript, or for a body Trix cannot represent (tables, images,
// underline, other heading levels), the HTML textarea stays as it is, so nothing is lost.
(function () {
  "use strict";
  if (!window.Trix) return;
  var UNSUPPORTED = /<(table|img|figure|u|sup|sub|hr|h2|h4|span)\b/i;

  Object.assign(Trix.config.lang, {
    bold: "加粗", italic: "倾斜", link: "链接", unlink: "取消链接", heading1: "标题",
    quote: "引文", bullets: "项目符号列表", numbers: "编号列表", outdent: "减少缩进",
    indent: "增加缩进", undo: "撤销", redo: "重做", url: "网址", urlPlaceholder: "输入网址，如 https://www.example.gov.cn/",
    strike: "删除线", code: "代码", attachFiles: "附件", captionPlaceholder: "说明", remove: "删除",
  });
  Trix.config.blockAttributes.default.tagName = "p";  // paragraphs, as the portal styles them
  Trix.config.blockAttributes.heading1.tagName = "h3";

  // Trix ends a line with <br> inside one paragraph; a 公文 body has a paragraph per line (the
  // portal indents each), so lines become paragraphs when the form is sent. Parsed in an inert
  // document: nothing in the HTML runs or loads.
  function paragraphs(html) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    Array.from(doc.body.children).forEach(function (block) {
      if (block.tagName !== "P" || !block.querySelector("br")) return;
      block.innerHTML.split(/<br\s*\/?>/i).forEach(function (line) {
        if (!line.trim()) return;
        var p = doc.createElement("p");
        p.innerHTML = line;
        block.before(p);
      });
      block.remove();
    });
    return doc.body.innerHTML;
  }

  document.addEventListener("trix-file-accept", function (event) {
    event.preventDefault();  // files go in 附件, which checks them by content
  });

  document.querySelectorAll("textarea[data-rich-text]").forEach(function (area) {
    if (UNSUPPORTED.test(area.value)) {
      var note = document.createElement("p");
      note.className = "field-help";
      note.textContent = "正文含表格、图片等编辑器不支持的格式，请直接修改 HTML。";
      area.after(note);
      return;
    }
    var editor = document.createElement("trix-editor");
    editor.setAttribute("input", area.id);
    editor.setAttribute("aria-label", "正文");
    editor.className = "rich-text";
    area.hidden = true;
    area.after(editor);
    area.form.addEventListener("submit", function () {
      area.value = paragraphs(area.value);
    });
  });
})();
