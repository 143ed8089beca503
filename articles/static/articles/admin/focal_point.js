// Click the photo on its change page to set the focal point that crops keep in view.
(function () {
  "use strict";
  function init() {
    var picker = document.querySelector(".focal-picker");
    var fx = document.getElementById("id_focal_x");
    var fy = document.getElementById("id_focal_y");
    if (!picker || !fx || !fy) return;
    var dot = picker.querySelector(".focal-dot");
    function place() {
      dot.style.left = parseFloat(fx.value || 50) + "%";
      dot.style.top = parseFloat(fy.value || 50) + "%";
    }
    picker.addEventListener("click", function (event) {
      var box = picker.querySelector("img").getBoundingClientRect();
      var x = ((event.clientX - box.left) / box.width) * 100;
      var y = ((event.clientY - box.top) / box.height) * 100;
      fx.value = Math.max(0, Math.min(100, x)).toFixed(1);
      fy.value = Math.max(0, Math.min(100, y)).toFixed(1);
      place();
    });
    fx.addEventListener("input", place);
    fy.addEventListener("input", place);
    place();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
