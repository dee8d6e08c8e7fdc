/* The redaction page: place the boxes over the page image, and let staff draw a box with the
   mouse (or a finger); the drawn rectangle fills the "添加遮盖区域" form in PDF points, which
   staff then submit with a reason. Without this script the same form is typed by hand. */
(function () {
  "use strict";

  function ready(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  ready(function () {
    var figure = document.getElementById("redaction-page");
    if (!figure) return;
    var image = figure.querySelector("img");
    var pageWidth = parseFloat(figure.dataset.width);
    var pageHeight = parseFloat(figure.dataset.height);

    function scale() { return image.clientWidth / pageWidth; }

    function place(el, x0, y0, x1, y1) {
      var k = scale();
      el.style.left = (x0 * k) + "px";
      el.style.top = (y0 * k) + "px";
      el.style.width = ((x1 - x0) * k) + "px";
      el.style.height = ((y1 - y0) * k) + "px";
    }

    function placeAll() {
      figure.querySelectorAll(".redaction-box").forEach(function (el) {
        place(el, parseFloat(el.dataset.x0), parseFloat(el.dataset.y0),
          parseFloat(el.dataset.x1), parseFloat(el.dataset.y1));
      });
    }
    if (image.complete) placeAll();
    image.addEventListener("load", placeAll);
    window.addEventListener("resize", placeAll);

    var form = document.querySelector("#action-add_box form");
    if (!form) return;
    var field = function (name) { return form.querySelector("[name='add_box-" + name + "']"); };
    var drawing = null;
    var start = null;

    function point(event) {
      var rect = image.getBoundingClientRect();
      var k = scale();
      var x = Math.min(Math.max(event.clientX - rect.left, 0), rect.width) / k;
      var y = Math.min(Math.max(event.clientY - rect.top, 0), rect.height) / k;
      return { x: Math.min(x, pageWidth), y: Math.min(y, pageHeight) };
    }

    figure.classList.add("can-draw");
    figure.addEventListener("pointerdown", function (event) {
      if (event.button !== 0) return;
      event.preventDefault();
      start = point(event);
      drawing = document.createElement("span");
      drawing.className = "redaction-box drawing";
      figure.appendChild(drawing);
      figure.setPointerCapture(event.pointerId);
    });
    figure.addEventListener("pointermove", function (event) {
      if (!drawing) return;
      var p = point(event);
      place(drawing, Math.min(start.x, p.x), Math.min(start.y, p.y),
        Math.max(start.x, p.x), Math.max(start.y, p.y));
    });
    figure.addEventListener("pointerup", function (event) {
      if (!drawing) return;
      var p = point(event);
      var round = function (v) { return (Math.round(v * 10) / 10).toString(); };
      field("page").value = figure.dataset.page;
      field("x0").value = round(Math.min(start.x, p.x));
      field("y0").value = round(Math.min(start.y, p.y));
      field("x1").value = round(Math.max(start.x, p.x));
      field("y1").value = round(Math.max(start.y, p.y));
      drawing = null;
      form.closest("details").open = true;
      field("ground").focus();
    });
  });
})();
