/*
 * The Quarry docs site. Data comes as scripts that call window.quarrySite.index/nodes/graph (see ARCHITECTURE.md:
 * "The docs site's data"); shards are loaded on demand by inserting <script> elements, which, unlike fetch, works
 * from file://. User text is inserted with textContent only; the one exception is description_html, which Quarry
 * rendered from Markdown with raw HTML escaped and unsafe URLs dropped.
 */
(function () {
  'use strict';

  const state = { index: null, byUid: new Map(), shards: { nodes: new Map(), graph: new Map() }, cy: null,
    columnCy: null, explorerCy: null, explorerRun: 0, picked: null };
  /** The graph as the selector walks it: the index's nodes, and each node's parents and children on demand. */
  const selectionGraph = {
    get nodes() { return state.index.nodes; },
    neighbours: id => shardOf('graph', id)
  };
  /** The explorer draws at most this many nodes: dagre and the eye both give up on more. */
  const MAX_DRAWN = 400;
  /** How many levels of upstream columns the column graph walks. */
  const COLUMN_LEVELS = 3;
  const waiting = { nodes: new Map(), graph: new Map() };

  /** Whether every script of the page has run (DOMContentLoaded comes after the deferred ones). */
  let scriptsRun = false;
  document.addEventListener('DOMContentLoaded', () => { scriptsRun = true; }, { once: true });

  const site = window.quarrySite = {
    index(data) {
      state.index = data;
      data.nodes.forEach(node => {
        state.byUid.set(node.uid, node.id);
        // The index leaves the project's own package out (SiteIndex.entry); the selectors' fqn needs it.
        if (node.package === undefined) {
          node.package = data.project;
        }
      });
      start();
      // The search works from here on: a mark for the site benchmark (DocsSiteTimings).
      performance.mark('quarry-index-ready');
    },
    nodes(data) { received('nodes', data); },
    graph(data) { received('graph', data); },
    /** The pages plugins wrote for exposures (a dashboard): links in the header. */
    pages(list) { list.forEach(addPageLink); },
    /** The search, as SearchIndex.find in Java: the short ids of the nodes matching every word's prefix. */
    find,
    /** The index as loaded (nodes by short id), for tests and the console. */
    get siteIndex() { return state.index; },
    /** The short ids a selector selects (the CLI's grammar, see selection.js), as a promise. */
    select: text => window.quarrySelection.select(text, selectionGraph),
    /** The shards of a kind ('nodes' or 'graph') loaded so far, ascending. */
    loadedShards: kind => [...state.shards[kind].keys()].sort((a, b) => a - b),
    /** The lineage graph of the page shown (Cytoscape), for tests and the console. */
    get cy() { return state.cy; },
    /** The column lineage graph of the page shown. */
    get columnCy() { return state.columnCy; },
    /** The graph of the lineage explorer (#graph/<selector>). */
    get explorerCy() { return state.explorerCy; }
  };

  function addPageLink(page) {
    const link = document.createElement('a');
    link.className = 'page-link';
    link.href = page.href;
    link.textContent = page.label;
    document.getElementById('pages').appendChild(link);
  }

  function received(kind, data) {
    const entries = new Map(data.nodes.map(entry => [entry.id, entry]));
    state.shards[kind].set(data.shard, entries);
    (waiting[kind].get(data.shard) || []).forEach(resolve => resolve(entries));
    waiting[kind].delete(data.shard);
  }

  /** The shard of a node (its page or its neighbours), loading its script once. */
  function shardOf(kind, id) {
    const size = state.index.shards[kind];
    const shard = Math.floor(id / size);
    const loaded = state.shards[kind].get(shard);
    if (loaded) {
      return Promise.resolve(loaded.get(id));
    }
    return new Promise((resolve, reject) => {
      const first = !waiting[kind].has(shard);
      if (first) {
        waiting[kind].set(shard, []);
      }
      waiting[kind].get(shard).push(entries => resolve(entries.get(id)));
      if (first) {
        const script = document.createElement('script');
        script.src = 'data/' + kind + '/' + shard + '.js';
        script.onerror = () => reject(new Error('cannot load ' + script.src));
        document.head.appendChild(script);
      }
    });
  }

  function words(text) {
    return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(word => word.length > 0);
  }

  /** The first index of terms not less than word (terms are sorted by UTF-16 code units, as < compares). */
  function lowerBound(terms, word) {
    let low = 0;
    let high = terms.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (terms[middle] < word) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  function find(query) {
    const { terms, ids } = state.index.search;
    let result = null;
    for (const word of words(query)) {
      const matches = new Set();
      for (let i = lowerBound(terms, word); i < terms.length && terms[i].startsWith(word); i++) {
        ids[i].forEach(id => matches.add(id));
      }
      result = result === null ? matches : new Set([...result].filter(id => matches.has(id)));
    }
    return result === null ? [] : [...result].sort((a, b) => a - b);
  }

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  function nodeLink(id) {
    const node = state.index.nodes[id];
    const link = element('a', node.name);
    link.href = '#node/' + id;
    link.title = node.uid;
    return link;
  }

  function showResults() {
    const list = document.getElementById('results');
    const query = document.getElementById('search').value;
    list.replaceChildren();
    const found = query.trim() === '' ? [] : rank(find(query), query.trim().toLowerCase()).slice(0, 50);
    found.forEach(id => {
      const item = element('li');
      const link = nodeLink(id);
      link.prepend(element('span', state.index.nodes[id].type, 'type'));
      link.addEventListener('click', () => { list.hidden = true; });
      item.appendChild(link);
      list.appendChild(item);
    });
    list.hidden = found.length === 0;
  }

  /** Nodes whose name starts with the query first, then by name: the one being typed comes to the top. */
  function rank(ids, query) {
    const name = id => state.index.nodes[id].name.toLowerCase();
    const score = id => (name(id).startsWith(query) ? 0 : 1);
    return ids.sort((a, b) => score(a) - score(b) || (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : a - b));
  }

  function start() {
    document.getElementById('project').textContent = state.index.project;
    const counts = {};
    state.index.nodes.forEach(node => { counts[node.type] = (counts[node.type] || 0) + 1; });
    document.getElementById('summary').textContent = Object.entries(counts)
      .map(([type, count]) => count + ' ' + type + (count === 1 ? '' : 's')).join(', ')
      + '. Search to open a node\'s page.';
    document.getElementById('search').addEventListener('input', showResults);
    document.getElementById('selector-form').addEventListener('submit', submitSelector);
    document.querySelectorAll('#picked button').forEach(button => button.addEventListener('click', focusPicked));
    window.addEventListener('hashchange', route);
    route();
  }

  function route() {
    if (!scriptsRun) {
      // The graph and highlighting libraries load after the index (index.html): pages are drawn once every script
      // has run.
      document.addEventListener('DOMContentLoaded', route, { once: true });
      return;
    }
    const match = /^#node\/(\d+)$/.exec(location.hash);
    const id = match ? Number(match[1]) : NaN;
    const known = match && id < state.index.nodes.length;
    const explorer = /^#graph(\/|$)/.test(location.hash);
    document.getElementById('welcome').hidden = Boolean(known) || explorer;
    document.getElementById('node').hidden = !known;
    document.getElementById('explorer').hidden = !explorer;
    if (explorer) {
      showExplorer(selectorInHash());
    } else if (known) {
      shardOf('nodes', id).then(renderPage)
        .catch(error => console.error(error));
    }
  }

  function section(title) {
    const part = element('section');
    part.appendChild(element('h2', title));
    return part;
  }

  /** Markdown Quarry rendered to HTML at generate time with raw HTML escaped: the only innerHTML of the site. */
  function markdown(html, className) {
    const div = element('div', null, className);
    if (html) {
      div.innerHTML = html;
    }
    return div;
  }

  function statusBadge(status, label) {
    return element('span', label + (status ? ': ' + status : ''), 'badge' + (status ? ' status-' + status : ''));
  }

  function renderPage(page) {
    const article = document.getElementById('node');
    article.replaceChildren();
    article.appendChild(element('h1', page.name));
    const meta = element('p', null, 'meta');
    meta.appendChild(element('span', page.type, 'badge'));
    meta.appendChild(document.createTextNode([page.relation, page.path].filter(Boolean).join(' · ')));
    if (page.run) {
      meta.appendChild(document.createTextNode(' '));
      meta.appendChild(statusBadge(page.run.status, 'last run'));
    }
    article.appendChild(meta);
    article.appendChild(markdown(page.description_html, 'description'));
    if (page.catalog && page.catalog.error) {
      article.appendChild(element('p', 'Not in the warehouse: ' + page.catalog.error, 'meta'));
    }
    if (page.run && page.run.message) {
      article.appendChild(element('p', 'Last run: ' + page.run.message, 'meta'));
    }
    article.appendChild(columns(page));
    article.appendChild(dependencies('Depends on', page.depends_on));
    article.appendChild(dependencies('Used by', page.referenced_by));
    const lineage = section('Lineage');
    lineage.appendChild(element('p', 'Click a node to show its parents and children; double-click to open it.',
      'meta'));
    lineage.appendChild(focusLinks(page.id));
    const graph = element('div');
    graph.id = 'graph';
    lineage.appendChild(graph);
    article.appendChild(lineage);
    const columnGraph = Array.isArray(page.lineage_problems) && page.columns.length ? element('div') : null;
    if (columnGraph) {
      const part = section('Column lineage');
      part.appendChild(element('p', 'Where each column comes from, ' + COLUMN_LEVELS + ' levels upstream; '
        + 'double-click a model to open it.', 'meta'));
      columnGraph.id = 'column-graph';
      part.appendChild(columnGraph);
      article.appendChild(part);
    }
    ['raw_code', 'compiled_code'].forEach(field => {
      if (page[field]) {
        const code = section(field === 'raw_code' ? 'Source SQL' : 'Compiled SQL');
        code.appendChild(sqlBlock(page[field], field.replace('_', '-')));
        article.appendChild(code);
      }
    });
    window.scrollTo(0, 0);
    drawGraph(page.id, graph);
    drawColumnGraph(page, columnGraph);
  }

  /**
   * SQL in a <pre><code>, highlighted by highlight.js: the text goes in with textContent and hljs re-renders it with
   * every character of it escaped, so SQL (or a comment in it) can never become markup.
   */
  function sqlBlock(sql, className) {
    const pre = element('pre', null, className);
    const code = element('code', sql, 'language-sql');
    pre.appendChild(code);
    if (window.hljs) {
      window.hljs.highlightElement(code);
    }
    return pre;
  }

  function drawColumnGraph(page, container) {
    if (state.columnCy) {
      state.columnCy.destroy();
      state.columnCy = null;
    }
    if (!container) {
      return;
    }
    const drawn = window.quarryColumnGraph.draw(container, page, {
      nodes: state.index.nodes,
      page: id => shardOf('nodes', id),
      levels: COLUMN_LEVELS,
      onOpen: id => { location.hash = '#node/' + id; }
    });
    state.columnCy = drawn.cy;
    drawn.done.catch(error => console.error(error));
  }

  /** The selector that picks exactly this node: its name when nothing else answers to it, else its unique id. */
  function selectorOf(id) {
    const node = state.index.nodes[id];
    if (node.type === 'source') {
      return 'source:' + node.name;
    }
    const alone = state.index.nodes.every(other => other.id === id
      || (other.name !== node.name && window.quarrySelection.fqnOf(other)[0] !== node.name));
    return alone && /^[\p{L}\p{N}_]+$/u.test(node.name) ? node.name : 'unique_id:' + node.uid;
  }

  function explorerHash(selector) {
    return '#graph/' + encodeURIComponent(selector);
  }

  /** Links to the explorer with the node's ancestors, descendants, or both. */
  function focusLinks(id) {
    const links = element('p', null, 'links focus-links');
    const selector = selectorOf(id);
    [['Ancestors', '+' + selector], ['Descendants', selector + '+'], ['Both', '+' + selector + '+']]
      .forEach(([label, text]) => {
        const link = element('a', label + ' (' + text + ')');
        link.href = explorerHash(text);
        links.appendChild(link);
      });
    return links;
  }

  function selectorInHash() {
    const encoded = location.hash.replace(/^#graph\/?/, '');
    try {
      return decodeURIComponent(encoded);
    } catch (malformed) {
      return encoded;
    }
  }

  function submitSelector(event) {
    event.preventDefault();
    const hash = explorerHash(document.getElementById('selector').value.trim());
    if (location.hash === hash) {
      showExplorer(selectorInHash());
    } else {
      location.hash = hash;
    }
  }

  /** The button's selector around the node picked in the explorer (tapped): +x, x+ or the node's page. */
  function focusPicked(event) {
    if (state.picked === null) {
      return;
    }
    const action = event.currentTarget.dataset.focus;
    const selector = selectorOf(state.picked);
    if (action === 'open') {
      location.hash = '#node/' + state.picked;
    } else {
      location.hash = explorerHash(action === 'up' ? '+' + selector : selector + '+');
    }
  }

  function explorerMessage(text, isError) {
    const message = document.getElementById('selector-message');
    message.textContent = text;
    message.className = isError ? 'meta error' : 'meta';
  }

  function showExplorer(selector) {
    document.getElementById('selector').value = selector;
    pick(null);
    clearExplorerGraph();
    const run = ++state.explorerRun;
    if (selector === '') {
      explorerMessage('Type a selector, as on the command line: +fct_orders, tag:nightly, stg_*,'
        + ' resource_type:seed, 2+x, x+1, @x; spaces for a union, commas for an intersection, --exclude to leave out.');
      return;
    }
    explorerMessage('Selecting…');
    window.quarrySelection.select(selector, selectionGraph)
      .then(ids => {
        if (run !== state.explorerRun) {
          return null;
        }
        if (ids.length === 0) {
          explorerMessage('Nothing matches this selector.', true);
          return null;
        }
        return drawSelection(ids, run);
      })
      .catch(error => {
        if (run !== state.explorerRun) {
          return;
        }
        clearExplorerGraph();
        const known = error instanceof window.quarrySelection.SelectorError;
        explorerMessage(known ? error.message : 'Cannot load the graph: ' + error.message, true);
      });
  }

  function clearExplorerGraph() {
    if (state.explorerCy) {
      state.explorerCy.destroy();
      state.explorerCy = null;
    }
  }

  /**
   * Draws the selected nodes but tests (the pages list them) with the edges between them, laid out by dagre, unless
   * another selector was asked for meanwhile (run is no longer the latest).
   */
  function drawSelection(ids, run) {
    const shown = ids.filter(inGraph);
    const tests = ids.length - shown.length;
    const summary = shown.length + ' node' + (shown.length === 1 ? '' : 's')
      + (tests ? ' and ' + tests + ' test' + (tests === 1 ? '' : 's') + ' (not drawn)' : '') + ' selected.';
    if (shown.length > MAX_DRAWN) {
      explorerMessage(summary + ' The graph shows at most ' + MAX_DRAWN + ' nodes: narrow the selector.', true);
      return null;
    }
    explorerMessage(summary + ' Click a node to pick it; double-click to open it.');
    return Promise.all(shown.map(id => shardOf('graph', id))).then(entries => {
      if (run !== state.explorerRun) {
        return;
      }
      clearExplorerGraph();
      const drawn = new Set(shown);
      const cy = state.explorerCy = graphOf(document.getElementById('explorer-graph'));
      cy.add(shown.map(graphNode));
      entries.forEach((entry, i) => entry.parents.filter(parent => drawn.has(parent)).forEach(parent => {
        const child = shown[i];
        cy.add({ group: 'edges', data: { id: 'e' + parent + '-' + child, source: 'n' + parent, target: 'n' + child } });
      }));
      cy.on('tap', 'node', event => pick(Number(event.target.id().slice(1))));
      cy.on('dbltap', 'node', event => { location.hash = '#node/' + event.target.id().slice(1); });
      cy.layout({ name: 'dagre', rankDir: 'LR', nodeSep: 20, rankSep: 140, animate: false }).run();
      cy.fit(undefined, 20);
    });
  }

  /** The node the explorer's buttons act on, or null. */
  function pick(id) {
    state.picked = id;
    const picked = document.getElementById('picked');
    picked.hidden = id === null;
    document.getElementById('picked-name').textContent = id === null ? '' : state.index.nodes[id].name;
    if (state.explorerCy) {
      state.explorerCy.nodes().removeClass('focus');
      if (id !== null) {
        state.explorerCy.getElementById('n' + id).addClass('focus');
      }
    }
  }

  function columns(page) {
    const part = section('Columns');
    if (page.tests.length) {
      const tests = element('p');
      page.tests.forEach(test => tests.appendChild(statusBadge(test.status, test.name)));
      part.appendChild(tests);
    }
    if (!page.columns.length) {
      part.appendChild(element('p', 'No columns known: build the model and generate the docs again.', 'meta'));
      return part;
    }
    const withLineage = Array.isArray(page.lineage_problems);
    if (withLineage && page.lineage_problems.length) {
      part.appendChild(element('p', 'Column lineage is incomplete: ' + page.lineage_problems.join(' '),
        'meta lineage-problems'));
    }
    const table = element('table', null, 'columns');
    const head = element('tr');
    ['Column', 'Type', 'Description'].concat(withLineage ? ['Comes from'] : [], ['Tests'])
      .forEach(title => head.appendChild(element('th', title)));
    table.appendChild(head);
    page.columns.forEach(column => {
      const row = element('tr');
      row.appendChild(element('td', column.name, 'column-name'));
      row.appendChild(element('td', [column.type, column.data_type].filter(Boolean).join(' / ')));
      const description = element('td');
      description.appendChild(markdown(column.description_html));
      row.appendChild(description);
      if (withLineage) {
        row.appendChild(comesFrom(column.lineage));
      }
      const tests = element('td');
      column.tests.forEach(test => tests.appendChild(statusBadge(test.status, test.name)));
      row.appendChild(tests);
      table.appendChild(row);
    });
    part.appendChild(table);
    return part;
  }

  /** Where a column's value comes from: links to the upstream nodes' pages, and how (direct, derived, constant). */
  function comesFrom(lineage) {
    const cell = element('td', null, 'comes-from');
    if (!lineage) {
      return cell;
    }
    lineage.sources.forEach(source => {
      const upstream = source.id === null || source.id === undefined ? null : state.index.nodes[source.id];
      const text = (upstream ? upstream.name : source.relation) + '.' + source.column;
      const item = element(upstream ? 'a' : 'span', text, 'lineage-source');
      if (upstream) {
        item.href = '#node/' + source.id;
        item.title = upstream.uid + ' · ' + source.column;
      }
      cell.appendChild(item);
      cell.appendChild(document.createTextNode(' '));
    });
    cell.appendChild(element('span', lineage.kind, 'badge lineage-' + lineage.kind));
    return cell;
  }

  function dependencies(title, uids) {
    const part = section(title);
    const links = element('p', null, 'links');
    uids.filter(uid => state.byUid.has(uid)).forEach(uid => links.appendChild(nodeLink(state.byUid.get(uid))));
    if (!links.childNodes.length) {
      links.textContent = 'nothing';
    }
    part.appendChild(links);
    return part;
  }

  /** Tests would crowd the graph; they are listed on the page instead. */
  function inGraph(id) {
    const type = state.index.nodes[id].type;
    return type !== 'test' && type !== 'unit_test';
  }

  /** An empty lineage graph in a container, styled by node type. */
  function graphOf(container) {
    return cytoscape({
      container,
      wheelSensitivity: 0.3,
      maxZoom: 1.5, // a small neighbourhood fitted to the box would otherwise be drawn huge
      style: [
        { selector: 'node', style: { label: 'data(label)', 'font-size': 11, 'background-color': '#8aa',
          'text-valign': 'bottom', width: 16, height: 16 } },
        { selector: 'node.focus', style: { 'background-color': '#e67e22' } },
        { selector: 'node.source, node.seed', style: { shape: 'round-rectangle' } },
        { selector: 'edge', style: { width: 1.5, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle',
          'line-color': '#aaa', 'target-arrow-color': '#aaa' } }
      ]
    });
  }

  function drawGraph(id, container) {
    if (state.cy) {
      state.cy.destroy();
    }
    const cy = state.cy = graphOf(container);
    cy.add(graphNode(id)).addClass('focus');
    cy.on('tap', 'node', event => expand(cy, Number(event.target.id().slice(1))));
    cy.on('dbltap', 'node', event => { location.hash = '#node/' + event.target.id().slice(1); });
    return expand(cy, id);
  }

  function graphNode(id) {
    const node = state.index.nodes[id];
    return { group: 'nodes', data: { id: 'n' + id, label: node.name, uid: node.uid }, classes: node.type };
  }

  /** Adds a node's parents and children (from its graph shard) and lays the graph out again. */
  function expand(cy, id) {
    return shardOf('graph', id).then(entry => {
      if (cy.destroyed()) {
        return;
      }
      const add = (from, to) => {
        [from, to].forEach(each => {
          if (cy.getElementById('n' + each).empty()) {
            cy.add(graphNode(each));
          }
        });
        const edge = 'e' + from + '-' + to;
        if (cy.getElementById(edge).empty()) {
          cy.add({ group: 'edges', data: { id: edge, source: 'n' + from, target: 'n' + to } });
        }
      };
      entry.parents.filter(inGraph).forEach(parent => add(parent, id));
      entry.children.filter(inGraph).forEach(child => add(id, child));
      cy.layout({ name: 'dagre', rankDir: 'LR', nodeSep: 20, rankSep: 140, animate: false }).run();
      cy.fit(undefined, 20);
    }).catch(error => console.error(error));
  }
})();
