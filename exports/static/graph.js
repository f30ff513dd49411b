/* diplograph interactive graph page.
 *
 * All corpus text reaches the DOM through textContent, setAttribute or the
 * vis-network canvas, never through HTML parsing. The graph data is read from
 * a <script type="application/json"> block, never evaluated.
 */
(function () {
  "use strict";

  var INK = "#1f2933";
  var FADED_NODE = { background: "rgba(203, 210, 217, 0.45)", border: "rgba(203, 210, 217, 0.6)" };
  var FADED_TEXT = "rgba(97, 110, 124, 0.35)";
  var FADED_EDGE = { color: "rgba(203, 210, 217, 0.35)", highlight: "rgba(203, 210, 217, 0.35)", hover: "rgba(203, 210, 217, 0.35)", opacity: 1 };
  var SVG = "http://www.w3.org/2000/svg";
  var NODE_PANEL_GROUPS = 40;
  var NODE_PANEL_QUOTES = 2;

  performance.mark("diplograph:start");
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  performance.mark("diplograph:parsed");
  var nodeById = new Map();
  var edgeById = new Map();
  var relationInfo = new Map();
  data.nodes.forEach(function (n) { nodeById.set(n.id, n); });
  data.edges.forEach(function (e) { edgeById.set(e.id, e); });
  data.relationTypes.forEach(function (r) { relationInfo.set(r.name, r); });
  data.edges.forEach(function (e) {
    e.title = edgeSentence(e) + "\n" + formatNumber(e.n) + (e.n === 1 ? " report" : " reports");
  });

  var state = {
    relations: new Set(data.relationTypes.map(function (r) { return r.name; })),
    actorTypes: new Set(data.actorTypes.map(function (t) { return t.name; })),
    polarity: "all",
    from: "",
    to: "",
    highlighted: false,
    visibleNodes: data.nodes.length,
    visibleEdges: data.edges.length
  };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function byId(id) { return document.getElementById(id); }

  function actorName(id) {
    var node = nodeById.get(id);
    return node ? String(node.label) : String(id);
  }

  function formatNumber(n) { return Number(n).toLocaleString("en-US"); }

  function edgeSentence(edge) {
    var info = relationInfo.get(edge.rel);
    var arrow = info && info.symmetric ? "\u2194" : "\u2192";
    var verb = edge.pol === "negated" ? "not " + edge.rel : edge.rel;
    return actorName(edge.from) + " " + arrow + " " + verb + " " + arrow + " " + actorName(edge.to);
  }

  /* ---------- vis network ---------- */

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = byId("network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  performance.mark("diplograph:network");

  function fitVisible() {
    var ids = data.nodes.filter(function (n) { return !n.hidden; }).map(function (n) { return n.id; });
    network.fit({ nodes: ids.length ? ids : undefined, animation: false });
  }

  function markReady() {
    fitVisible();
    // Hit-testing (clicks, hover) uses the node boxes of the last drawn frame:
    // announce readiness only once the final positions have been drawn.
    network.once("afterDrawing", function () {
      performance.mark("diplograph:ready");
      byId("loading").classList.add("done");
      window.__diplographReady = true;
    });
    network.redraw();
  }

  if (data.physics && data.nodes.length > 0) {
    network.on("stabilizationProgress", function (p) {
      byId("loading-fill").style.width = Math.round((100 * p.iterations) / p.total) + "%";
    });
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      markReady();
    });
  } else {
    byId("loading-text").textContent = "Drawing…";
    if (data.nodes.length) { network.once("afterDrawing", markReady); }
  }

  /* ---------- swatches ---------- */

  function svgElement(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    return node;
  }

  function shapeSwatch(shape, color) {
    var svg = svgElement("svg", { width: 16, height: 16, viewBox: "0 0 16 16", "aria-hidden": "true" });
    var paint = { fill: color, stroke: "#ffffff", "stroke-width": 1 };
    var points = {
      diamond: "8,1 15,8 8,15 1,8",
      triangle: "8,1.5 15,14 1,14",
      triangleDown: "1,2 15,2 8,14.5",
      star: "8,1 10,6 15.5,6.2 11.2,9.6 12.8,15 8,11.8 3.2,15 4.8,9.6 0.5,6.2 6,6"
    };
    var shapeNode;
    if (shape === "square") {
      shapeNode = svgElement("rect", Object.assign({ x: 2, y: 2, width: 12, height: 12 }, paint));
    } else if (points[shape]) {
      shapeNode = svgElement("polygon", Object.assign({ points: points[shape] }, paint));
    } else {
      shapeNode = svgElement("circle", Object.assign({ cx: 8, cy: 8, r: 6.5 }, paint));
    }
    svg.appendChild(shapeNode);
    return svg;
  }

  function lineSwatch(color, options) {
    var opts = options || {};
    var svg = svgElement("svg", { width: 26, height: 12, viewBox: "0 0 26 12", "aria-hidden": "true" });
    var line = svgElement("line", { x1: 1, y1: 6, x2: opts.arrow ? 19 : 25, y2: 6, stroke: color, "stroke-width": opts.width || 3 });
    if (opts.dashed) { line.setAttribute("stroke-dasharray", "5 3"); }
    svg.appendChild(line);
    if (opts.arrow) { svg.appendChild(svgElement("polygon", { points: "18,1 25,6 18,11", fill: color })); }
    return svg;
  }

  /* ---------- legend and filters ---------- */

  function legendRow(swatch, label, count, checked, onChange, dataKey, dataValue) {
    var row = el("label", "legend-row");
    var box = el("input");
    box.type = "checkbox";
    box.checked = checked;
    box.dataset[dataKey] = dataValue;
    box.addEventListener("change", function () {
      row.classList.toggle("off", !box.checked);
      onChange(box.checked);
    });
    row.appendChild(box);
    row.appendChild(swatch);
    row.appendChild(el("span", "name", label));
    row.appendChild(el("span", "count", formatNumber(count)));
    return row;
  }

  function buildLegend() {
    var relationBox = byId("relation-legend");
    var lastQuad = null;
    data.relationTypes.forEach(function (r) {
      if (r.quadLabel !== lastQuad) {
        relationBox.appendChild(el("div", "quad-heading", r.quadLabel));
        lastQuad = r.quadLabel;
      }
      var row = legendRow(lineSwatch(r.color, { arrow: !r.symmetric }), r.name, r.count, true, function (on) {
        if (on) { state.relations.add(r.name); } else { state.relations.delete(r.name); }
        applyFilters();
      }, "relation", r.name);
      row.title = r.description || r.name;
      relationBox.appendChild(row);
    });
    var actorBox = byId("actor-legend");
    data.actorTypes.forEach(function (t) {
      actorBox.appendChild(legendRow(shapeSwatch(t.shape, t.color), t.label, t.count, true, function (on) {
        if (on) { state.actorTypes.add(t.name); } else { state.actorTypes.delete(t.name); }
        applyFilters();
      }, "actorType", t.name));
    });
    var lines = byId("line-legend");
    [
      [lineSwatch("#7b8794", { arrow: true }), "asserted, source \u2192 target"],
      [lineSwatch("#7b8794", { arrow: true, dashed: true }), "negated (did not happen)"],
      [lineSwatch("#7b8794", {}), "symmetric (no direction)"],
      [lineSwatch("#7b8794", { width: 7 }), "thicker = more reports"]
    ].forEach(function (item) {
      var row = el("div", "line-row");
      row.appendChild(item[0]);
      row.appendChild(el("span", null, item[1]));
      lines.appendChild(row);
    });
  }

  function setAllRelations(on) {
    document.querySelectorAll("#relation-legend input[type=checkbox]").forEach(function (box) {
      box.checked = on;
      box.closest(".legend-row").classList.toggle("off", !on);
      if (on) { state.relations.add(box.dataset.relation); } else { state.relations.delete(box.dataset.relation); }
    });
    applyFilters();
  }

  function dateVisible(edge) {
    if (!state.from && !state.to) { return true; }
    return edge.dates.some(function (d) {
      return (!state.from || d >= state.from) && (!state.to || d <= state.to);
    });
  }

  function applyFilters() {
    clearHighlight();
    var hideOrphans = byId("hide-orphans").checked;
    var visibleDegree = new Map();
    var edgeUpdates = [];
    var shownEdges = 0;
    data.edges.forEach(function (e) {
      var visible = state.relations.has(e.rel) &&
        (state.polarity === "all" || e.pol === state.polarity) &&
        dateVisible(e) &&
        state.actorTypes.has(nodeById.get(e.from).atype) &&
        state.actorTypes.has(nodeById.get(e.to).atype);
      if (visible) {
        shownEdges += 1;
        visibleDegree.set(e.from, (visibleDegree.get(e.from) || 0) + 1);
        visibleDegree.set(e.to, (visibleDegree.get(e.to) || 0) + 1);
      }
      if (Boolean(e.hidden) !== !visible) {
        e.hidden = !visible;
        edgeUpdates.push({ id: e.id, hidden: !visible });
      }
    });
    var nodeUpdates = [];
    var shownNodes = 0;
    data.nodes.forEach(function (n) {
      var visible = state.actorTypes.has(n.atype) &&
        (!hideOrphans || data.edges.length === 0 || visibleDegree.get(n.id) > 0);
      if (visible) { shownNodes += 1; }
      if (Boolean(n.hidden) !== !visible) {
        n.hidden = !visible;
        nodeUpdates.push({ id: n.id, hidden: !visible });
      }
    });
    edges.update(edgeUpdates);
    nodes.update(nodeUpdates);
    state.visibleNodes = shownNodes;
    state.visibleEdges = shownEdges;
    byId("visible-count").textContent = "Showing " + formatNumber(shownNodes) + " of " + formatNumber(data.nodes.length) +
      " actors and " + formatNumber(shownEdges) + " of " + formatNumber(data.edges.length) + " edges.";
  }

  function buildFilters() {
    byId("polarity-filter").addEventListener("change", function (ev) { state.polarity = ev.target.value; applyFilters(); });
    ["date-from", "date-to"].forEach(function (id) {
      var input = byId(id);
      if (data.dateRange) { input.min = data.dateRange[0]; input.max = data.dateRange[1]; }
      input.addEventListener("change", function () {
        state.from = byId("date-from").value;
        state.to = byId("date-to").value;
        applyFilters();
      });
    });
    byId("hide-orphans").addEventListener("change", applyFilters);
    byId("relations-all").addEventListener("click", function () { setAllRelations(true); });
    byId("relations-none").addEventListener("click", function () { setAllRelations(false); });
    byId("reset-filters").addEventListener("click", function () {
      byId("polarity-filter").value = "all";
      byId("date-from").value = "";
      byId("date-to").value = "";
      state.polarity = "all";
      state.from = state.to = "";
      document.querySelectorAll("#actor-legend input[type=checkbox]").forEach(function (box) {
        box.checked = true;
        box.closest(".legend-row").classList.remove("off");
        state.actorTypes.add(box.dataset.actorType);
      });
      setAllRelations(true);
    });
  }

  /* ---------- neighbourhood highlight ---------- */

  function highlight(nodeIds, edgeIds) {
    var keepNodes = new Set(nodeIds);
    var keepEdges = new Set(edgeIds);
    nodes.update(data.nodes.map(function (n) {
      return keepNodes.has(n.id) ? { id: n.id, color: n.color, font: { color: INK } } : { id: n.id, color: FADED_NODE, font: { color: FADED_TEXT } };
    }));
    edges.update(data.edges.map(function (e) {
      return { id: e.id, color: keepEdges.has(e.id) ? e.color : FADED_EDGE };
    }));
    state.highlighted = true;
  }

  function clearHighlight() {
    if (!state.highlighted) { return; }
    nodes.update(data.nodes.map(function (n) { return { id: n.id, color: n.color, font: { color: INK } }; }));
    edges.update(data.edges.map(function (e) { return { id: e.id, color: e.color }; }));
    state.highlighted = false;
  }

  function visibleEdgesOf(nodeId) {
    return network.getConnectedEdges(nodeId).map(function (id) { return edgeById.get(id); })
      .filter(function (e) { return e && !e.hidden; });
  }

  function focusNode(nodeId) {
    var around = visibleEdgesOf(nodeId);
    var neighbours = [nodeId];
    around.forEach(function (e) { neighbours.push(e.from, e.to); });
    highlight(neighbours, around.map(function (e) { return e.id; }));
    showNodePanel(nodeId, around);
  }

  function focusEdge(edgeId) {
    var edge = edgeById.get(edgeId);
    highlight([edge.from, edge.to], [edge.id]);
    showEdgePanel(edge);
  }

  /* ---------- evidence panel ---------- */

  function openPanel() {
    var body = byId("panel-body");
    body.replaceChildren();
    byId("panel").hidden = false;
    return body;
  }

  function closePanel() {
    byId("panel").hidden = true;
    byId("panel-body").replaceChildren();
  }

  function chip(text, className, background) {
    var c = el("span", "chip" + (className ? " " + className : ""), text);
    if (background) { c.style.background = background; }
    return c;
  }

  function evidenceItem(item) {
    var li = el("li");
    li.appendChild(el("blockquote", null, item.text));
    var parts = [item.doc, "sentence " + (item.sentence + 1), item.date || "undated"];
    if (item.modality && item.modality !== "factual") { parts.push(item.modality); }
    if (item.speaker) { parts.push("according to " + actorName(item.speaker)); }
    if (item.confidence < 1) { parts.push("confidence " + item.confidence.toFixed(2)); }
    li.appendChild(el("div", "source", parts.join(" \u00b7 ")));
    return li;
  }

  function evidenceList(items) {
    var list = el("ul", "evidence");
    items.forEach(function (item) { list.appendChild(evidenceItem(item)); });
    return list;
  }

  function showEdgePanel(edge) {
    var body = openPanel();
    var info = relationInfo.get(edge.rel) || {};
    body.appendChild(el("h3", null, edgeSentence(edge)));
    var chips = el("div", "chips");
    chips.appendChild(chip(edge.rel, "rel", info.color));
    if (edge.pol === "negated") { chips.appendChild(chip("negated", "neg")); }
    chips.appendChild(chip(formatNumber(edge.n) + (edge.n === 1 ? " report" : " reports")));
    if (info.quadLabel) { chips.appendChild(chip(info.quadLabel)); }
    if (edge.dates.length) {
      var first = edge.dates[0];
      var last = edge.dates[edge.dates.length - 1];
      chips.appendChild(chip(first === last ? first : first + " \u2013 " + last));
    }
    body.appendChild(chips);
    var items = data.evidence[edge.id] || [];
    body.appendChild(evidenceList(items));
    if (edge.n > items.length) {
      body.appendChild(el("p", "more", "Showing " + items.length + " of " + formatNumber(edge.n) +
        " reports; every report is in the JSON, CSV or GEXF export."));
    }
  }

  function showNodePanel(nodeId, around) {
    var node = nodeById.get(nodeId);
    var body = openPanel();
    body.appendChild(el("h3", null, node.label));
    var typeInfo = data.actorTypes.find(function (t) { return t.name === node.atype; });
    var meta = [typeInfo ? typeInfo.label : node.atype];
    if (node.country) { meta.push(node.country); }
    if (node.wikidata) { meta.push(node.wikidata); }
    body.appendChild(el("p", "panel-meta", meta.join(" \u00b7 ")));
    var chips = el("div", "chips");
    chips.appendChild(chip(data.sizeBy + " " + Number(node.score).toPrecision(3)));
    chips.appendChild(chip(formatNumber(around.length) + " visible edges"));
    (node.roles || []).forEach(function (role) { chips.appendChild(chip(role)); });
    body.appendChild(chips);
    if (node.aliases && node.aliases.length) {
      body.appendChild(el("p", "panel-meta", "Also: " + node.aliases.join(", ")));
    }
    var sorted = around.slice().sort(function (a, b) { return b.n - a.n; });
    sorted.slice(0, NODE_PANEL_GROUPS).forEach(function (edge) {
      var group = el("div", "relation-group");
      var link = el("button", "relation-link");
      link.type = "button";
      var swatch = el("span", "swatch-line" + (edge.pol === "negated" ? " dashed" : ""));
      swatch.style.borderTopColor = (relationInfo.get(edge.rel) || {}).color || "#888888";
      link.appendChild(swatch);
      link.appendChild(el("span", null, edgeSentence(edge) + " (" + formatNumber(edge.n) + ")"));
      link.addEventListener("click", function () { network.selectEdges([edge.id]); focusEdge(edge.id); });
      group.appendChild(link);
      group.appendChild(evidenceList((data.evidence[edge.id] || []).slice(0, NODE_PANEL_QUOTES)));
      body.appendChild(group);
    });
    if (sorted.length > NODE_PANEL_GROUPS) {
      body.appendChild(el("p", "more", "and " + formatNumber(sorted.length - NODE_PANEL_GROUPS) + " more relations"));
    }
    if (!sorted.length) { body.appendChild(el("p", "more", "No visible relation.")); }
  }

  /* ---------- search ---------- */

  function buildSearch() {
    var list = byId("actor-names");
    data.nodes.map(function (n) { return String(n.label); }).sort().forEach(function (name) {
      var option = document.createElement("option");
      option.value = name;
      list.appendChild(option);
    });
    byId("search-form").addEventListener("submit", function (ev) {
      ev.preventDefault();
      var query = byId("search").value.trim().toLowerCase();
      var status = byId("search-status");
      status.textContent = "";
      if (!query) { return; }
      var matches = function (test) {
        return data.nodes.find(function (n) {
          return test(String(n.label).toLowerCase()) || (n.aliases || []).some(function (a) { return test(String(a).toLowerCase()); });
        });
      };
      var found = matches(function (s) { return s === query; }) ||
        matches(function (s) { return s.indexOf(query) === 0; }) ||
        matches(function (s) { return s.indexOf(query) >= 0; });
      if (!found) { status.textContent = "No actor matches."; return; }
      if (found.hidden) { status.textContent = "Hidden by the filters."; return; }
      network.focus(found.id, { scale: Math.max(network.getScale(), 1.1), animation: { duration: 500, easingFunction: "easeInOutQuad" } });
      network.selectNodes([found.id]);
      focusNode(found.id);
    });
  }

  /* ---------- page ---------- */

  function buildHeader() {
    var reports = data.edges.reduce(function (sum, e) { return sum + e.n; }, 0);
    var parts = [formatNumber(data.nodes.length) + " actors", formatNumber(reports) + " relations"];
    if (data.dateRange) { parts.push(data.dateRange[0] + " \u2013 " + data.dateRange[1]); }
    if (data.filters.relation && data.filters.relation.length) { parts.push("only " + data.filters.relation.join(", ")); }
    byId("subtitle").textContent = parts.join(" \u00b7 ");
    byId("size-note").textContent = "Node size: " + data.sizeBy + ". Click an actor or a line to read the evidence.";
    if (data.note) {
      var note = byId("note");
      note.textContent = data.note;
      note.hidden = false;
    }
  }

  network.on("click", function (params) {
    if (params.nodes.length) {
      focusNode(params.nodes[0]);
    } else if (params.edges.length) {
      focusEdge(params.edges[0]);
    } else {
      clearHighlight();
      closePanel();
    }
  });
  byId("fit-view").addEventListener("click", fitVisible);
  byId("panel-close").addEventListener("click", function () { network.unselectAll(); clearHighlight(); closePanel(); });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { network.unselectAll(); clearHighlight(); closePanel(); }
  });

  buildHeader();
  buildLegend();
  buildFilters();
  buildSearch();
  applyFilters();
  performance.mark("diplograph:controls");
  if (!data.nodes.length) { markReady(); }

  window.diplograph = {
    network: network,
    nodes: nodes,
    edges: edges,
    data: data,
    visibleCounts: function () { return { nodes: state.visibleNodes, edges: state.visibleEdges }; },
    focusNode: focusNode,
    focusEdge: focusEdge
  };
}());
