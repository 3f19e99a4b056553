// Search across every unit of the city section: Pagefind's own small index here, merged in the browser with each unit
// site's index (its bundles, listed in gs-bundles.json). A unit's index is read from its own address, so it merges only
// when that site allows cross-origin reads (CORS; GitHub Pages does); a unit that does not is named in the status line.
// Vietnamese: đ is indexed by the unit sites as d + U+0335, so the query types d and results turn the mark back into đ.
(function () {
  "use strict";
  var form = document.querySelector("[data-city-search]");
  if (!form) return;
  var input = form.querySelector("input[name=q]");
  var status = document.querySelector("[data-search-status]");
  var list = document.querySelector("[data-search-results]");
  var indexes = JSON.parse(form.getAttribute("data-indexes") || "[]");
  var loading = null;
  var missing = 0;
  var latest = "";
  var timer = 0;
  var STROKE = /([dD])\u0335/g;

  function readable(text) {
    return String(text).replace(STROKE, function (_, d) { return d === "d" ? "\u0111" : "\u0110"; });
  }
  function folded(q) {
    return q.normalize("NFC").replace(/\u0111/g, "d").replace(/\u0110/g, "D");
  }
  function httpUrl(href) {
    try { var u = new URL(href, location.href); return u.protocol === "http:" || u.protocol === "https:" ? u.href : ""; } catch (e) { return ""; }
  }

  function mergeOne(pf, source) {
    var merges = [pf.mergeIndex(source.index, { baseUrl: source.base })];
    return fetch(source.index + "gs-bundles.json").then(function (r) { return r.ok ? r.json() : { bundles: [] }; }).then(function (m) {
      (m.bundles || []).forEach(function (name) { merges.push(pf.mergeIndex(source.index + name, { baseUrl: source.base })); });
      return Promise.all(merges);
    }).catch(function () { missing++; });
  }

  function load() {
    if (loading) return loading;
    loading = import(form.getAttribute("data-pagefind")).then(function (pf) {
      return pf.options({ baseUrl: form.getAttribute("data-base") || "/", noWorker: true }).then(function () {
        return Promise.all(indexes.map(function (s) { return mergeOne(pf, s); }));
      }).then(function () { return pf; });
    });
    loading.catch(function () { loading = null; });
    return loading;
  }

  function run(q) {
    latest = q;
    if (!q.trim()) { list.textContent = ""; status.textContent = ""; return; }
    status.textContent = "Đang tìm…";
    load().then(function (pf) { return pf.search(folded(q)); }).then(function (search) {
      return Promise.all(search.results.slice(0, 30).map(function (r) { return r.data(); })).then(function (items) {
        if (q !== latest) return;
        list.textContent = "";
        items.forEach(function (item) {
          var href = httpUrl(item.url);
          if (!href) return;
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.href = href;
          a.textContent = readable((item.meta && item.meta.title) || item.url);
          var p = document.createElement("p");
          p.textContent = readable(new DOMParser().parseFromString("<p>" + (item.excerpt || "") + "</p>", "text/html").body.textContent || "");
          li.appendChild(a);
          li.appendChild(p);
          list.appendChild(li);
        });
        var text = search.results.length ? "Tìm thấy " + search.results.length + " trang cho “" + q + "”." : "Không tìm thấy trang nào cho “" + q + "”.";
        if (missing) text += " Chưa ghép được chỉ mục của " + missing + " đơn vị (trang đơn vị không cho đọc từ nơi khác): hãy tìm trên trang của đơn vị đó.";
        status.textContent = text;
      });
    }).catch(function () {
      status.textContent = "Chưa tải được chỉ mục tìm kiếm. Hãy thử lại, hoặc xem danh sách điển hình.";
    });
  }

  form.addEventListener("submit", function (ev) { ev.preventDefault(); run(input.value); });
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(function () { run(input.value); }, 250); });
})();
