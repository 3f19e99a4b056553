// Exemplar filters, quicker with JavaScript: one select per filter, combined, applied in place from /dien-hinh/chi-muc.json.
// Without JavaScript the filter bar's links lead to the static page of each value.
(function () {
  "use strict";
  var bar = document.querySelector("[data-filter-bar]");
  var cards = document.querySelector("[data-cards]");
  var status = document.querySelector("[data-filter-status]");
  if (!bar || !cards || !window.fetch || !window.Promise) return;
  var indexUrl = bar.getAttribute("data-index");
  var pager = document.querySelector(".pager");
  var original = cards.innerHTML;
  var index = null;
  var LIMIT = 200;

  var form = document.createElement("form");
  form.className = "filter-form";
  form.setAttribute("aria-label", "Lọc nhanh");
  var groups = bar.querySelectorAll(".filter-group");
  var selects = [];
  Array.prototype.forEach.call(groups, function (group) {
    var dim = group.getAttribute("data-dimension");
    var id = "loc-" + dim;
    var label = document.createElement("label");
    label.setAttribute("for", id);
    label.textContent = group.querySelector("summary").textContent;
    var select = document.createElement("select");
    select.id = id;
    select.name = dim;
    var all = document.createElement("option");
    all.value = "";
    all.textContent = "Tất cả";
    select.appendChild(all);
    Array.prototype.forEach.call(group.querySelectorAll("a[data-id]"), function (a) {
      var o = document.createElement("option");
      o.value = a.getAttribute("data-id");
      o.textContent = a.textContent.replace(/\s+/g, " ").trim();
      if (a.getAttribute("aria-current") === "page") o.selected = true;
      select.appendChild(o);
    });
    var wrap = document.createElement("div");
    wrap.appendChild(label);
    wrap.appendChild(select);
    form.appendChild(wrap);
    selects.push(select);
    group.hidden = true;
  });
  var reset = document.createElement("button");
  reset.type = "reset";
  reset.textContent = "Bỏ lọc";
  form.appendChild(reset);
  bar.appendChild(form);

  function card(e) {
    var article = document.createElement("article");
    article.className = "card";
    var h = document.createElement("h2");
    h.className = "card-title";
    var a = document.createElement("a");
    a.href = e.u;
    a.textContent = e.t;
    h.appendChild(a);
    if (e.dr) {
      var badge = document.createElement("span");
      badge.className = "badge badge-draft";
      badge.textContent = "Bản nháp";
      h.appendChild(document.createTextNode(" "));
      h.appendChild(badge);
    }
    var meta = document.createElement("p");
    meta.className = "card-meta";
    meta.textContent = e.kn + " · " + e.s + " · " + e.un;
    var date = document.createElement("p");
    date.className = "card-date";
    date.textContent = e.fn + " · " + e.dt;
    article.appendChild(h);
    article.appendChild(meta);
    article.appendChild(date);
    return article;
  }

  function apply() {
    var wanted = selects.filter(function (s) { return s.value; });
    if (!wanted.length) {
      cards.innerHTML = original;
      if (pager) pager.hidden = false;
      status.textContent = "";
      return;
    }
    var load = index ? Promise.resolve(index) : fetch(indexUrl).then(function (r) { return r.json(); });
    load.then(function (data) {
      index = data;
      var matches = data.filter(function (e) {
        return wanted.every(function (s) { return e[s.name] === s.value; });
      });
      cards.textContent = "";
      matches.slice(0, LIMIT).forEach(function (e) { cards.appendChild(card(e)); });
      if (pager) pager.hidden = true;
      status.textContent = matches.length
        ? "Có " + matches.length + " điển hình phù hợp" + (matches.length > LIMIT ? "; hiện " + LIMIT + " điển hình mới nhất." : ".")
        : "Không có điển hình nào phù hợp.";
    }).catch(function () {
      status.textContent = "Không tải được danh sách để lọc nhanh; hãy dùng các liên kết lọc.";
      Array.prototype.forEach.call(groups, function (g) { g.hidden = false; });
    });
  }
  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  form.addEventListener("submit", function (ev) { ev.preventDefault(); apply(); });
})();
