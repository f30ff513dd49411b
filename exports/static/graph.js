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
  var LEVEL_WORDS = { planned: " (planned)", hypothetical: " (hypothetical)" };

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
    levels: new Set(data.levels.map(function (l) { return l.name; })),
    contestedOnly: false,
    from: "",
    to: "",
    highlighted: false,
    filtered: false,
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
    var verb = edge.pol === "negated" ? "not " + edge.rel : edge.rel + (LEVEL_WORDS[edge.lvl] || "");
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
    if (ids.length) { network.fit({ nodes: ids, animation: false }); } else { network.fit({ animation: false }); }
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
    var end = opts.arrow ? 19 : 25;
    if (opts.halo) {
      svg.appendChild(svgElement("line", { x1: 1, y1: 6, x2: end, y2: 6, stroke: "rgba(220, 38, 38, 0.45)", "stroke-width": 9, "stroke-linecap": "round" }));
    }
    var line = svgElement("line", { x1: 1, y1: 6, x2: end, y2: 6, stroke: color, "stroke-width": opts.width || 3 });
    if (opts.dashes && opts.dashes.length) { line.setAttribute("stroke-dasharray", opts.dashes.join(" ")); }
    svg.appendChild(line);
    if (opts.arrow) { svg.appendChild(svgElement("polygon", { points: "18,1 25,6 18,11", fill: color })); }
    return svg;
  }

  /* ---------- legend and filters ---------- */

  function legendRow(swatch, label, count, checked, onChange, dataKey, dataValue) {
    var row = el("label", "legend-row");
    row.dataset.key = dataKey + ":" + dataValue;
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
    row.countNode = el("span", "count", formatNumber(count));
    row.appendChild(row.countNode);
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
    var levelBox = byId("level-legend");
    data.levels.forEach(function (l) {
      levelBox.appendChild(legendRow(lineSwatch("#7b8794", { arrow: true, dashes: l.dashes }), l.label, l.count, true, function (on) {
        if (on) { state.levels.add(l.name); } else { state.levels.delete(l.name); }
        applyFilters();
      }, "level", l.name));
    });
    var contestedReports = data.edges.reduce(function (sum, e) { return sum + (e.contested ? e.n : 0); }, 0);
    var contestedRow = legendRow(lineSwatch("#7b8794", { arrow: true, halo: true }), "contested: only these", contestedReports, false, function (on) {
      state.contestedOnly = on;
      applyFilters();
    }, "contested", "only");
    contestedRow.title = "Relations that one report asserts as fact and another denies (red halo)";
    contestedRow.classList.add("off");
    levelBox.appendChild(contestedRow);
    var lines = byId("line-legend");
    [
      [lineSwatch("#7b8794", { arrow: true }), "source \u2192 target"],
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

  /* Does edge e pass every filter, except the one named by skip ("rel", "lvl", "atype")? */
  function passes(e, skip) {
    return (skip === "rel" || state.relations.has(e.rel)) &&
      (skip === "lvl" || state.levels.has(e.lvl)) &&
      (!state.contestedOnly || e.contested === true) &&
      dateVisible(e) &&
      (skip === "atype" || (state.actorTypes.has(nodeById.get(e.from).atype) && state.actorTypes.has(nodeById.get(e.to).atype)));
  }

  function setCount(selector, value) {
    var row = document.querySelector(selector);
    if (row && row.countNode) { row.countNode.textContent = formatNumber(value); }
  }

  /* Legend counts follow the filters: each row counts what passes every other filter. */
  function updateLegendCounts(hideOrphans) {
    var byRel = new Map(), byLevel = new Map(), contested = 0, actorSeen = new Map();
    data.edges.forEach(function (e) {
      if (passes(e, "rel")) { byRel.set(e.rel, (byRel.get(e.rel) || 0) + e.n); }
      if (passes(e, "lvl")) { byLevel.set(e.lvl, (byLevel.get(e.lvl) || 0) + e.n); }
      if (e.contested && passes(e, null)) { contested += e.n; }
      if (passes(e, "atype")) {
        var a = nodeById.get(e.from), b = nodeById.get(e.to);
        if (state.actorTypes.has(b.atype) || b.atype === a.atype) { actorSeen.set(a.id, true); }
        if (state.actorTypes.has(a.atype) || a.atype === b.atype) { actorSeen.set(b.id, true); }
      }
    });
    var byType = new Map();
    data.nodes.forEach(function (n) {
      if (!hideOrphans || data.edges.length === 0 || actorSeen.get(n.id)) { byType.set(n.atype, (byType.get(n.atype) || 0) + 1); }
    });
    data.relationTypes.forEach(function (r) { setCount('[data-key="relation:' + CSS.escape(r.name) + '"]', byRel.get(r.name) || 0); });
    data.levels.forEach(function (l) { setCount('[data-key="level:' + l.name + '"]', byLevel.get(l.name) || 0); });
    data.actorTypes.forEach(function (t) { setCount('[data-key="actorType:' + CSS.escape(t.name) + '"]', byType.get(t.name) || 0); });
    setCount('[data-key="contested:only"]', contested);
  }

  function applyFilters() {
    clearHighlight();
    var hideOrphans = byId("hide-orphans").checked;
    var visibleDegree = new Map();
    var edgeUpdates = [];
    var shownEdges = 0;
    data.edges.forEach(function (e) {
      var visible = passes(e, null);
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
    updateLegendCounts(hideOrphans);
    byId("visible-count").textContent = "Showing " + formatNumber(shownNodes) + " of " + formatNumber(data.nodes.length) +
      " actors and " + formatNumber(shownEdges) + " of " + formatNumber(data.edges.length) + " edges.";
    // Refit to what is left after a filter change (the first call happens before the layout is done).
    if (state.filtered && nodeUpdates.length) { fitVisible(); }
    state.filtered = true;
  }

  function buildFilters() {
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
      byId("date-from").value = "";
      byId("date-to").value = "";
      state.from = state.to = "";
      document.querySelectorAll("#actor-legend input[type=checkbox]").forEach(function (box) {
        box.checked = true;
        box.closest(".legend-row").classList.remove("off");
        state.actorTypes.add(box.dataset.actorType);
      });
      document.querySelectorAll("#level-legend input[type=checkbox]").forEach(function (box) {
        var contested = box.dataset.contested !== undefined;
        box.checked = !contested;
        box.closest(".legend-row").classList.toggle("off", contested);
        if (!contested) { state.levels.add(box.dataset.level); }
      });
      state.contestedOnly = false;
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
    if (item.cameo) { parts.push("CAMEO " + item.cameo); }
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
    if (edge.lvl === "planned" || edge.lvl === "hypothetical") { chips.appendChild(chip(edge.lvl, "apart")); }
    if (edge.contested) { chips.appendChild(chip("contested", "contested")); }
    chips.appendChild(chip(formatNumber(edge.n) + (edge.n === 1 ? " report" : " reports")));
    if (info.quadLabel) { chips.appendChild(chip(info.quadLabel)); }
    if (edge.dates.length) {
      var first = edge.dates[0];
      var last = edge.dates[edge.dates.length - 1];
      chips.appendChild(chip(first === last ? first : first + " \u2013 " + last));
    }
    body.appendChild(chips);
    if (edge.contested) { body.appendChild(counterparts(edge)); }
    var items = data.evidence[edge.id] || [];
    body.appendChild(evidenceList(items));
    if (edge.n > items.length) {
      body.appendChild(el("p", "more", "Showing " + items.length + " of " + formatNumber(edge.n) +
        " reports; every report is in the JSON, CSV or GEXF export."));
    }
  }

  /* The other side of a contested relation: the edges of the same pair and type that deny or assert it. */
  function counterparts(edge) {
    var box = el("div", "counterparts");
    var wanted = edge.lvl === "negated" ? "factual" : "negated";
    box.appendChild(el("p", "panel-meta", edge.lvl === "negated"
      ? "Contested: other reports assert this as fact."
      : "Contested: other reports deny it."));
    data.edges.forEach(function (other) {
      var samePair = (other.from === edge.from && other.to === edge.to) ||
        (!other.arrows && other.from === edge.to && other.to === edge.from);
      if (other.id !== edge.id && other.rel === edge.rel && other.lvl === wanted && other.contested && samePair) {
        var link = el("button", "relation-link", (wanted === "negated" ? "Read the denial: " : "Read the assertion: ") +
          edgeSentence(other) + " (" + formatNumber(other.n) + ")");
        link.type = "button";
        link.addEventListener("click", function () { network.selectEdges([other.id]); focusEdge(other.id); });
        box.appendChild(link);
      }
    });
    return box;
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
      var swatch = el("span", "swatch-line " + edge.lvl);
      swatch.style.borderTopColor = (relationInfo.get(edge.rel) || {}).color || "#888888";
      link.appendChild(swatch);
      link.appendChild(el("span", null, edgeSentence(edge) + " (" + formatNumber(edge.n) + ")"));
      var openEdge = function () { network.selectEdges([edge.id]); focusEdge(edge.id); };
      link.addEventListener("click", openEdge);
      group.appendChild(link);
      group.appendChild(evidenceList((data.evidence[edge.id] || []).slice(0, NODE_PANEL_QUOTES)));
      if (edge.n > NODE_PANEL_QUOTES) {
        var more = el("button", "more-link", formatNumber(edge.n - NODE_PANEL_QUOTES) + " more " +
          (edge.n - NODE_PANEL_QUOTES === 1 ? "report" : "reports") + " \u2192");
        more.type = "button";
        more.addEventListener("click", openEdge);
        group.appendChild(more);
      }
      body.appendChild(group);
    });
    if (sorted.length > NODE_PANEL_GROUPS) {
      body.appendChild(el("p", "more", "and " + formatNumber(sorted.length - NODE_PANEL_GROUPS) + " more relations"));
    }
    if (!sorted.length) { body.appendChild(el("p", "more", "No visible relation.")); }
  }

  /* ---------- search ---------- */

  /* Case- and accent-free form of a name ("Élysée" -> "elysee"); compact() also drops punctuation ("U.S." -> "us"). */
  function fold(text) {
    var plain = String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
    return (plain || String(text)).toLowerCase().trim();
  }

  function compact(text) { return fold(text).replace(/[^0-9a-z\u0080-\uffff]+/g, ""); }

  /* Every name of a node: its label, aliases and the dictionary's metonyms and demonyms ("Kremlin", "Russian"). */
  function namesOf(n) { return [String(n.label)].concat(n.aliases || [], n.forms || []); }

  function findActor(query) {
    var folded = fold(query), short = compact(query);
    var tests = [
      function (name) { return fold(name) === folded; },
      function (name) { return short.length > 0 && compact(name) === short; },
      function (name) { return fold(name).indexOf(folded) === 0; },
      function (name) { return fold(name).indexOf(folded) >= 0; }
    ];
    for (var i = 0; i < tests.length; i += 1) {
      var found = data.nodes.filter(function (n) { return namesOf(n).some(tests[i]); });
      if (found.length) {
        // Prefer a visible actor, then the most central one.
        found.sort(function (a, b) { return (Boolean(a.hidden) - Boolean(b.hidden)) || (b.score - a.score); });
        return found[0];
      }
    }
    return null;
  }

  function buildSearch() {
    var list = byId("actor-names");
    var seen = new Set();
    data.nodes.forEach(function (n) { namesOf(n).forEach(function (name) { seen.add(String(name)); }); });
    Array.from(seen).sort().forEach(function (name) {
      var option = document.createElement("option");
      option.value = name;
      list.appendChild(option);
    });
    byId("search-form").addEventListener("submit", function (ev) {
      ev.preventDefault();
      var query = byId("search").value.trim();
      var status = byId("search-status");
      status.textContent = "";
      if (!query) { return; }
      var found = findActor(query);
      if (!found) { status.textContent = "No actor matches."; return; }
      if (found.hidden) { status.textContent = String(found.label) + " is hidden by the filters."; return; }
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
    findActor: findActor,
    focusNode: focusNode,
    focusEdge: focusEdge
  };
}());
