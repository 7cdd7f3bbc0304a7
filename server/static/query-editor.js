// The query page's editor: YASGUI (vendored in static/yasgui/) in place of the plain form.
// Its configuration is JSON in the data-config attribute of #query-editor (no inline script).
// Completion is offline: the ontology's classes, properties and prefixes from that block; YASQE's
// LOV completers (class, property) and its bundled prefix list are not enabled.
(function () {
  "use strict";
  var form = document.querySelector("form.query-form");
  var root = document.getElementById("query-editor");
  if (!form || !root || !window.Yasgui) return;
  var cfg = JSON.parse(root.dataset.config);
  var endpoint = new URL(cfg.endpoint, window.location.href).href; // YASR's error view parses it
  var Yasqe = window.Yasgui.Yasqe;

  var prefixLines = Object.keys(cfg.prefixes).map(function (p) {
    return p + ": <" + cfg.prefixes[p] + ">";
  });
  function local(from, name, list) {
    Yasqe.forkAutocompleter(from, { name: name, bulk: true, get: list, persistenceId: null }, false);
  }
  local("class", "ontologyClasses", cfg.classes);
  local("property", "ontologyProperties", cfg.properties);
  local("prefixes", "ontologyPrefixes", prefixLines);
  window.Yasgui.Yasr.plugins.table.defaults.openIriInNewWindow = false;
  var defaults = window.Yasgui.defaults;
  defaults.yasqe.autocompleters = ["variables", "ontologyPrefixes", "ontologyClasses", "ontologyProperties"];
  defaults.yasqe.value =
    prefixLines.map(function (l) { return "PREFIX " + l; }).join("\n") +
    "\n\nSELECT ?s ?p ?o WHERE {\n  ?s ?p ?o\n} LIMIT 10\n";

  // the resource page of an IRI, as server.browse.terms.Linker.page builds it
  function pageUrl(iri) {
    if (iri.indexOf(cfg.base) === 0) {
      var rest = iri.slice(cfg.base.length);
      if (rest && !/[?#]/.test(rest) && rest[0] !== "/") {
        return cfg.root + "/page/" + rest.split("/").map(encodeURIComponent).join("/");
      }
    }
    return cfg.root + "/page?iri=" + encodeURIComponent(iri);
  }

  form.hidden = true;
  document.querySelectorAll("section.results, .error-box").forEach(function (el) { el.hidden = true; });
  root.hidden = false;
  var yasgui = new window.Yasgui(root, {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    // not YASGUI's own reading of the URL: it would send the page's other arguments (?lang=) to
    // the endpoint, in every tab; ?query= is read from the plain form below
    populateFromUrl: false,
    yasr: { prefixes: cfg.prefixes },
  });

  // result IRIs lead to this service's resource pages (YASR links the IRI itself)
  function localise(event) {
    var a = event.target.closest && event.target.closest("a.iri");
    if (!a || !root.contains(a) || a.dataset.iri) return;
    a.dataset.iri = a.getAttribute("href");
    a.setAttribute("href", pageUrl(a.dataset.iri));
    a.removeAttribute("target");
  }
  ["mouseover", "focusin", "click"].forEach(function (type) { root.addEventListener(type, localise, true); });

  // downloads of the current query from /sparql, in every format of its kind
  var downloads = document.querySelector(".editor-downloads");
  var label = downloads.textContent;
  function showDownloads(tab) {
    var query = tab.getQuery();
    var kind = tab.getYasqe().getQueryType();
    var names = cfg.formats[kind === "CONSTRUCT" || kind === "DESCRIBE" ? "graph" : "select"];
    downloads.textContent = label;
    names.forEach(function (name) {
      var a = document.createElement("a");
      a.href = cfg.endpoint + "?" + new URLSearchParams({ query: query, format: name }).toString();
      a.textContent = name;
      a.className = "download-" + name;
      downloads.appendChild(a);
      downloads.appendChild(document.createTextNode(" "));
    });
    downloads.hidden = false;
  }
  yasgui.on("query", function (_y, tab) { showDownloads(tab); });

  // the named queries (queries/*.rq) open in tabs of their own
  document.querySelectorAll("a.example[data-query]").forEach(function (a) {
    a.addEventListener("click", function (event) {
      event.preventDefault();
      yasgui.addTab(true, { name: a.textContent, yasqe: { value: a.dataset.query } });
    });
  });

  // a query given in the URL (/query?query=…, the form's text) opens in its tab, or a new one, and runs
  var given = form.querySelector("textarea").value;
  if (given.trim()) {
    var ids = Object.keys(yasgui._tabs);
    var same = ids.filter(function (id) { return yasgui.getTab(id).getQuery() === given; })[0];
    var tab = same ? yasgui.getTab(same) : yasgui.getTab();
    if (same) {
      yasgui.selectTabId(same);
    } else if (tab.getQuery() === defaults.yasqe.value) {
      tab.setQuery(given); // the untouched starting tab
    } else {
      tab = yasgui.addTab(true, { yasqe: { value: given } });
    }
    tab.query();
  }
})();
