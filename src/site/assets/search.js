// Site search over the self-hosted Pagefind index. Queries with or without Vietnamese diacritics both match:
// every indexed page also carries a diacritic-free copy of its text (hidden from readers).
(function () {
  "use strict";
  var form = document.querySelector("[data-search]");
  if (!form) return;
  var input = form.querySelector("input[name=q]");
  var status = document.querySelector("[data-search-status]");
  var list = document.querySelector("[data-search-results]");
  var pagefind = null;
  var timer = 0;
  var latest = "";

  function load() {
    if (pagefind) return Promise.resolve(pagefind);
    return import(form.getAttribute("data-pagefind")).then(function (pf) {
      pagefind = pf;
      // noWorker: search on the main thread; the index is small and a worker adds a request that
      // some proxies and automated browsers (request interception) stall.
      return pf.options({ baseUrl: form.getAttribute("data-base") || "/", noWorker: true }).then(function () { return pf; });
    });
  }

  // Pagefind's excerpt is HTML with <mark>; keep only text and marks.
  function excerpt(target, markup) {
    var doc = new DOMParser().parseFromString("<p>" + markup + "</p>", "text/html");
    Array.prototype.forEach.call(doc.body.firstChild.childNodes, function (node) {
      if (node.nodeName === "MARK") {
        var m = document.createElement("mark");
        m.textContent = node.textContent;
        target.appendChild(m);
      } else target.appendChild(document.createTextNode(node.textContent));
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
      return pf.search(q);
    }).then(function (search) {
      return Promise.all(search.results.slice(0, 20).map(function (r) { return r.data(); })).then(function (items) {
        if (q !== latest) return;
        list.textContent = "";
        items.forEach(function (item) {
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.href = item.url;
          a.textContent = (item.meta && item.meta.title) || item.url;
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
