/* Font-size switch (A+ / A− / 默认), remembered in localStorage. No inline script: CSP. */
(function () {
  "use strict";
  var KEY = "gongkai-fontsize", MIN = -1, MAX = 3;
  var root = document.documentElement;
  function read() {
    try { return parseInt(window.localStorage.getItem(KEY) || "0", 10) || 0; } catch (e) { return 0; }
  }
  function apply(level) {
    for (var i = MIN; i <= MAX; i++) { root.classList.remove("fs" + (i < 0 ? "m" + (-i) : i)); }
    if (level !== 0) { root.classList.add("fs" + (level < 0 ? "m" + (-level) : level)); }
    var buttons = document.querySelectorAll("[data-fontsize]");
    for (var j = 0; j < buttons.length; j++) {
      var kind = buttons[j].getAttribute("data-fontsize");
      buttons[j].disabled = (kind === "up" && level >= MAX) || (kind === "down" && level <= MIN);
      buttons[j].setAttribute("aria-pressed", kind === "reset" ? String(level === 0) : "false");
    }
    var status = document.getElementById("fontsize-status");
    if (status) { status.textContent = "当前字号：" + (level === 0 ? "默认" : (level > 0 ? "放大" + level + "级" : "缩小" + (-level) + "级")); }
  }
  function save(level) {
    try { window.localStorage.setItem(KEY, String(level)); } catch (e) { /* private mode */ }
  }
  apply(read());
  document.addEventListener("DOMContentLoaded", function () {
    apply(read());
    document.addEventListener("click", function (ev) {
      var btn = ev.target.closest ? ev.target.closest("[data-fontsize]") : null;
      if (!btn) { return; }
      var level = read(), kind = btn.getAttribute("data-fontsize");
      if (kind === "up") { level = Math.min(MAX, level + 1); }
      else if (kind === "down") { level = Math.max(MIN, level - 1); }
      else { level = 0; }
      save(level);
      apply(level);
    });
  });
})();
