// Site search over the self-hosted Pagefind index, split into bundles (one per year of exemplars, one for plans and
// activities, one for pages) that are merged here with Pagefind's mergeIndex. Queries with or without Vietnamese
// diacritics find the same pages: Pagefind folds diacritics itself, and đ, which it does not fold, is indexed as
// d + U+0335 (see src/build/search.ts): the query is typed with d, and the mark is turned back into đ for reading.
(function () {
  "use strict";
  var form = document.querySelector("[data-search]");
  if (!form) return;
  var input = form.querySelector("input[name=q]");
  var status = document.querySelector("[data-search-status]");
  var list = document.querySelector("[data-search-results]");
  var loading = null;
  var timer = 0;
  var latest = "";
  var STROKE = /([dD])\u0335/g;

  // What the reader sees: the index's d + U+0335 back to đ / Đ.
  function readable(text) {
    return String(text).replace(STROKE, function (_, d) { return d === "d" ? "\u0111" : "\u0110"; });
  }

  // What Pagefind searches: NFC, đ typed as d (Pagefind folds the other diacritics).
  function folded(q) {
    return q.normalize("NFC").replace(/\u0111/g, "d").replace(/\u0110/g, "D");
  }

  function load() {
    if (loading) return loading;
    var script = form.getAttribute("data-pagefind");
    var folder = script.replace(/[^/]*$/, "");
    var base = form.getAttribute("data-base") || "/";
    loading = import(script).then(function (pf) {
      // noWorker: search on the main thread; a worker adds a request that some proxies and automated browsers
      // (request interception) stall.
      return pf.options({ baseUrl: base, noWorker: true }).then(function () {
        return fetch(folder + "gs-bundles.json");
      }).then(function (response) {
        if (!response.ok) throw new Error("gs-bundles.json: HTTP " + response.status);
        return response.json();
      }).then(function (manifest) {
        return Promise.all((manifest.bundles || []).map(function (name) {
          return pf.mergeIndex(folder + name, { baseUrl: base });
        }));
      }).then(function () { return pf; });
    });
    loading.catch(function () { loading = null; });
    return loading;
  }

  // Pagefind's excerpt is HTML with <mark>; keep only text and marks.
  function excerpt(target, markup) {
    var doc = new DOMParser().parseFromString("<p>" + markup + "</p>", "text/html");
    Array.prototype.forEach.call(doc.body.firstChild.childNodes, function (node) {
      if (node.nodeName === "MARK") {
        var m = document.createElement("mark");
        m.textContent = readable(node.textContent);
        target.appendChild(m);
      } else target.appendChild(document.createTextNode(readable(node.textContent)));
    });
  }

  function run(q) {
    latest = q;
    if (!q.trim()) {
      list.textContent = "";
      status.textContent = "";
      return;
    }
    status.textContent = "Đang tìm…";
    load().then(function (pf) {
      return pf.search(folded(q));
    }).then(function (search) {
      return Promise.all(search.results.slice(0, 20).map(function (r) { return r.data(); })).then(function (items) {
        if (q !== latest) return;
        list.textContent = "";
        items.forEach(function (item) {
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.href = item.url;
          a.textContent = readable((item.meta && item.meta.title) || item.url);
          var p = document.createElement("p");
          excerpt(p, item.excerpt || "");
          li.appendChild(a);
          li.appendChild(p);
          list.appendChild(li);
        });
        status.textContent = search.results.length
          ? "Tìm thấy " + search.results.length + " trang cho “" + q + "”" + (search.results.length > 20 ? "; hiện 20 trang đầu." : ".")
          : "Không tìm thấy trang nào cho “" + q + "”.";
      });
    }).catch(function () {
      status.textContent = "Chưa tải được chỉ mục tìm kiếm. Hãy thử lại, hoặc xem danh sách điển hình.";
    });
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var q = input.value;
    if (window.history && history.replaceState) history.replaceState(null, "", "?q=" + encodeURIComponent(q));
    run(q);
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value); }, 250);
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    run(initial);
  }
})();
