/*
 * The column-level lineage graph of a node page (Cytoscape.js, dagre left to right): each node is a compound box and
 * its columns are the boxes inside; an edge runs from an upstream column to the column made from it. It starts with
 * every column of the page's node and walks the columns' lineage sources upstream for a few levels, loading the
 * upstream nodes' pages (node shards) as it reaches them. Labels are data, never HTML.
 */
window.quarryColumnGraph = (function () {
  'use strict';

  const STYLE = [
    { selector: 'node', style: { label: 'data(label)', 'font-size': 10, 'text-valign': 'center',
      'text-halign': 'center', shape: 'round-rectangle', width: 'label', height: 16, padding: 4,
      'background-color': '#def', 'border-width': 1, 'border-color': '#8aa' } },
    { selector: 'node.derived', style: { 'background-color': '#fde8c8' } },
    { selector: 'node.constant', style: { 'background-color': '#eee' } },
    { selector: ':parent', style: { 'text-valign': 'top', 'font-size': 11, 'font-weight': 'bold',
      'background-color': '#f6f8fa', 'border-color': '#bbb', padding: 8 } },
    { selector: ':parent.focus', style: { 'border-color': '#e67e22', 'border-width': 2 } },
    { selector: 'edge', style: { width: 1.2, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle',
      'line-color': '#999', 'target-arrow-color': '#999' } }
  ];

  /**
   * Draws the graph of `page` into `container`.
   *
   * @param context {nodes: the index's nodes by short id, page(id): a promise of a node's page, levels: how many
   *                levels upstream to walk, onOpen(id): called when a node box is double-clicked}
   * @return {cy, done}: the Cytoscape instance at once, and a promise settled when the walk and layout are done
   */
  function draw(container, page, context) {
    const cy = cytoscape({ container, wheelSensitivity: 0.3, maxZoom: 1.5, style: STYLE });
    cy.on('dbltap', 'node', event => {
      const box = event.target.isParent() ? event.target : event.target.parent();
      if (box.nonempty() && box.data('node') !== null) {
        context.onOpen(box.data('node'));
      }
    });
    const done = walk(cy, page, context).then(() => {
      if (!cy.destroyed()) {
        cy.layout({ name: 'dagre', rankDir: 'LR', nodeSep: 6, rankSep: 80, animate: false }).run();
        cy.fit(undefined, 20);
      }
    });
    return { cy, done };
  }

  /** Adds the page's columns, then level after level the upstream columns they come from. */
  async function walk(cy, page, context) {
    box(cy, context, page.id, page.relation).addClass('focus');
    let frontier = page.columns.map(column => ({ page, column }));
    frontier.forEach(({ column }) => columnNode(cy, context, page.id, page.relation, column.name, column.lineage));
    for (let level = 0; level < context.levels && frontier.length && !cy.destroyed(); level++) {
      frontier = await upstreamOf(cy, context, frontier);
    }
  }

  /**
   * Adds the sources of every column of the frontier, each with an edge to the column it makes; the next frontier is
   * the source columns added now (a column reached twice is walked once).
   */
  async function upstreamOf(cy, context, frontier) {
    const links = [];
    frontier.forEach(({ page, column }) => (column.lineage ? column.lineage.sources : [])
      .forEach(source => links.push({ page, column, source })));
    const pages = await Promise.all(links.map(({ source }) => (inProject(source) ? context.page(source.id) : null)));
    const next = [];
    links.forEach(({ page, column, source }, i) => {
      const target = columnId(page.id, page.relation, column.name);
      const upstream = pages[i];
      if (upstream === null) {
        columnNode(cy, context, null, source.relation, source.column, null);
        edge(cy, columnId(null, source.relation, source.column), target);
        return;
      }
      const upstreamColumn = upstream.columns.find(each => each.name.toLowerCase() === source.column.toLowerCase())
        || { name: source.column, lineage: null };
      const id = columnId(upstream.id, upstream.relation, upstreamColumn.name);
      if (cy.getElementById(id).empty()) {
        columnNode(cy, context, upstream.id, upstream.relation, upstreamColumn.name, upstreamColumn.lineage);
        next.push({ page: upstream, column: upstreamColumn });
      }
      edge(cy, id, target);
    });
    return next;
  }

  function inProject(source) {
    return source.id !== null && source.id !== undefined;
  }

  function boxId(nodeId, relation) {
    return nodeId === null ? 'r:' + relation : 'n:' + nodeId;
  }

  function columnId(nodeId, relation, column) {
    return boxId(nodeId, relation) + ':' + column;
  }

  /** The compound box of a node of the project (by short id) or of a relation outside it. */
  function box(cy, context, nodeId, relation) {
    const id = boxId(nodeId, relation);
    const existing = cy.getElementById(id);
    if (existing.nonempty()) {
      return existing;
    }
    const label = nodeId === null ? relation : context.nodes[nodeId].name;
    return cy.add({ group: 'nodes', data: { id, label, node: nodeId } });
  }

  function columnNode(cy, context, nodeId, relation, column, lineage) {
    const id = columnId(nodeId, relation, column);
    if (cy.getElementById(id).nonempty()) {
      return;
    }
    const parent = box(cy, context, nodeId, relation).id();
    cy.add({ group: 'nodes', data: { id, label: column, column, parent }, classes: lineage ? lineage.kind : '' });
  }

  function edge(cy, from, to) {
    const id = from + '>' + to;
    if (cy.getElementById(id).empty() && cy.getElementById(from).nonempty() && cy.getElementById(to).nonempty()) {
      cy.add({ group: 'edges', data: { id, source: from, target: to } });
    }
  }

  return { draw };
})();
