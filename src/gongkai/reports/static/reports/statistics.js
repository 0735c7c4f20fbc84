// Charts of the openness statistics page. Data comes from a JSON script element (CSP: no inline script).
(function () {
  "use strict";
  function draw() {
    var source = document.getElementById("stats-data");
    if (!source || typeof echarts === "undefined") { return; }
    var data = JSON.parse(source.textContent);
    var font = { fontFamily: "Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, sans-serif" };
    var charts = [];
    function chart(id, option) {
      var el = document.getElementById(id);
      if (!el) { return; }
      var c = echarts.init(el, null, { renderer: "canvas" });
      option.textStyle = font;
      option.animation = false;
      c.setOption(option);
      charts.push(c);
    }
    chart("chart-quarterly", {
      tooltip: { trigger: "axis" },
      legend: { data: ["公开信息", "超时公开", "收到申请"] },
      grid: { left: 40, right: 16, bottom: 30, top: 40 },
      xAxis: { type: "category", axisLabel: { interval: 0 }, data: data.quarters.map(function (q) { return q.slice(5); }) },
      yAxis: { type: "value", minInterval: 1 },
      series: [
        { name: "公开信息", type: "bar", data: data.quarterly.documents, itemStyle: { color: "#b71c1c" } },
        { name: "超时公开", type: "bar", data: data.quarterly.late, itemStyle: { color: "#9a5b00" } },
        { name: "收到申请", type: "line", data: data.quarterly.received, itemStyle: { color: "#1d4f91" } }
      ]
    });
    chart("chart-divisions", {
      tooltip: { trigger: "axis" },
      legend: { data: ["公开信息", "收到申请"] },
      grid: { left: 120, right: 16, bottom: 20, top: 40 },
      yAxis: { type: "category", data: data.divisions, inverse: true },
      xAxis: { type: "value", minInterval: 1 },
      series: [
        { name: "公开信息", type: "bar", data: data.documents, itemStyle: { color: "#b71c1c" } },
        { name: "收到申请", type: "bar", data: data.received, itemStyle: { color: "#1d4f91" } }
      ]
    });
    chart("chart-outcomes", {
      tooltip: { trigger: "item" },
      legend: { type: "scroll", bottom: 0 },
      series: [{ type: "pie", radius: ["30%", "58%"], center: ["50%", "45%"], data: data.outcomes, label: { formatter: "{c}" } }]
    });
    window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", draw); } else { draw(); }
})();
