/*
 * The CLI's selection grammar (dev.quarry.graph.SelectorParser, SelectionExpression, SelectionMethod, NodeSelector)
 * for the docs site: parse(text) reads `select terms [--exclude terms]`, select(text, graph) gives the short ids it
 * selects. Spaces are a union, commas an intersection; a part is [@ | [N]+] (method:value | value) [+[N]]. Tests are
 * added with (and excluded with) any selected parent, as the CLI does. The graph is walked level by level through
 * graph.neighbours(id), which loads graph shards on demand, so only the shards a walk reaches are loaded.
 */
window.quarrySelection = (function () {
  'use strict';

  const NONE = 0;
  const ALL = -1;
  const MAX_DEPTH = 999999;
  const METHODS = ['fqn', 'path', 'tag', 'source', 'resource_type', 'config', 'test_type', 'unique_id'];
  const EXAMPLES = { fqn: 'fqn:my_project.staging', path: 'path:models/staging', tag: 'tag:nightly',
    source: 'source:sfpd.incidents', resource_type: 'resource_type:model', config: 'config.materialized:table',
    test_type: 'test_type:unit', unique_id: 'unique_id:model.my_project.fct_orders' };
  const RESOURCE_TYPES = ['model', 'seed', 'source', 'test', 'unit_test', 'exposure'];
  const TEST_TYPES = ['data', 'unit'];
  /** The config keys the site's index carries (config.<key>:value needs the value of every node at once). */
  const CONFIG_KEYS = ['materialized', 'tags'];
  const PART = /^(@)?(?:(\d*)\+)?([\s\S]*?)(?:\+(\d*))?$/;

  /** A malformed selector; its message says what to write instead, as the CLI's does. */
  class SelectorError extends Error {}

  function bad(selector, problem) {
    return new SelectorError('bad selector \'' + selector + '\': ' + problem);
  }

  function terms(text) {
    return text.trim().split(/\s+/).filter(term => term !== '');
  }

  /** The union of the space-separated terms, or null when there is none. */
  function parseTerms(text) {
    const parsed = terms(text).map(parseTerm);
    if (parsed.length === 0) {
      return null;
    }
    return parsed.length === 1 ? parsed[0] : { kind: 'union', members: parsed };
  }

  /** Select terms, optionally followed by `--exclude` and the terms to leave out: {select, exclude}, each or null. */
  function parse(text) {
    const [select, exclude, extra] = (' ' + text + ' ').split(/\s--exclude\s/);
    if (extra !== undefined) {
      throw new SelectorError('\'--exclude\' appears twice; put every term to leave out after one \'--exclude\'');
    }
    return { select: parseTerms(select), exclude: exclude === undefined ? null : parseTerms(exclude) };
  }

  function parseTerm(term) {
    const parts = term.split(',');
    if (parts.some(part => part === '')) {
      throw bad(term, 'a comma with nothing on one side; write the parts to intersect as '
        + '\'tag:nightly,config.materialized:table\'');
    }
    const parsed = parts.map(parsePart);
    return parsed.length === 1 ? parsed[0] : { kind: 'intersection', members: parsed };
  }

  function parsePart(part) {
    const [, at, up, core, down] = PART.exec(part);
    if (core.startsWith('@')) {
      throw bad(part, '\'@\' can only come first; write \'@' + core.replace(/^@+/, '') + '\'');
    }
    if (/^\d*\+/.test(core)) {
      throw bad(part, '\'+\' appears twice before the name; write \'+x\' for all ancestors or \'2+x\' for two levels');
    }
    if (/\+\d*$/.test(core)) {
      throw bad(part, '\'+\' appears twice after the name; write \'x+\' for all descendants or \'x+2\' for two levels');
    }
    if (core === '') {
      const example = (at ? '@' : '') + (up === undefined ? '' : up + '+') + 'my_model'
        + (down === undefined ? '' : '+' + down);
      throw bad(part, 'nothing to select next to the operators; write a name or method:value, as in \''
        + example + '\'');
    }
    if (at && (up !== undefined || down !== undefined)) {
      throw bad(part, '\'@\' cannot be combined with \'+\'; write \'@' + core + '\' for ' + core
        + ', its descendants and their ancestors, or \'+' + core + '+\' for its ancestors and descendants');
    }
    const criterion = parseCriterion(part, core);
    if (!at && up === undefined && down === undefined) {
      return criterion;
    }
    return { kind: 'graph', criterion, up: depth(part, up), down: depth(part, down), at: Boolean(at) };
  }

  function depth(part, digits) {
    if (digits === undefined) {
      return NONE;
    }
    if (digits === '') {
      return ALL;
    }
    const value = Number(digits);
    if (value < 1 || value > MAX_DEPTH) {
      throw bad(part, 'depth \'' + digits + '\' is out of range; write a depth from 1 to ' + MAX_DEPTH
        + ', or \'+\' alone for every level');
    }
    return value;
  }

  function parseCriterion(part, core) {
    const colon = core.indexOf(':');
    if (colon < 0) {
      const pathLike = core.includes('/') || core.includes('\\') || core.endsWith('.sql') || core.endsWith('.csv');
      return { kind: 'criterion', method: pathLike ? 'path' : 'fqn', key: null, value: core };
    }
    const methodName = core.substring(0, colon);
    const value = core.substring(colon + 1);
    if (methodName === '') {
      throw bad(part, 'no method before \':\'; write a method such as \'tag:' + value + '\', or the name alone');
    }
    const method = methodOf(part, methodName);
    const key = method === 'config' ? methodName.substring('config.'.length) : null;
    if (value === '') {
      throw bad(part, 'no value after \'' + methodName + ':\'; write one, as in \''
        + (key === null ? EXAMPLES[method] : methodName + ':table') + '\'');
    }
    const problem = problemWith(method, value);
    if (problem) {
      throw bad(part, problem);
    }
    if (key !== null && !CONFIG_KEYS.includes(key)) {
      throw bad(part, 'the docs site knows only ' + CONFIG_KEYS.map(each => 'config.' + each).join(' and ')
        + '; select by \'config.' + key + '\' with the command line (quarry ls -s ...)');
    }
    return { kind: 'criterion', method, key, value };
  }

  function methodOf(part, methodName) {
    if (methodName === 'config' || methodName === 'config.') {
      throw bad(part, 'config selectors name a key; write e.g. \'config.materialized:table\'');
    }
    if (methodName.startsWith('config.')) {
      return 'config';
    }
    if (METHODS.includes(methodName) && methodName !== 'config') {
      return methodName;
    }
    throw bad(part, 'unknown method \'' + methodName + '\'; use one of '
      + METHODS.map(method => (method === 'config' ? 'config.<key>' : method)).join(', ') + ', or a bare name');
  }

  function problemWith(method, value) {
    const known = method === 'resource_type' ? RESOURCE_TYPES : method === 'test_type' ? TEST_TYPES : null;
    if (known === null || known.includes(value)) {
      return null;
    }
    return 'unknown ' + method.replace('_', ' ') + ' \'' + value + '\'; use one of ' + known.join(', ');
  }

  /** A shell-style pattern as GlobPattern: * and ? stop at '/', ** crosses it, **\/ may match no folder. */
  function glob(pattern) {
    let regex = '';
    for (let i = 0; i < pattern.length; i++) {
      const character = pattern[i];
      if (character === '?') {
        regex += '[^/]';
      } else if (pattern.startsWith('**/', i)) {
        regex += '(?:.*/)?';
        i += 2;
      } else if (pattern.startsWith('**', i)) {
        regex += '.*';
        i += 1;
      } else if (character === '*') {
        regex += '[^/]*';
      } else {
        regex += character.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      }
    }
    const compiled = new RegExp('^(?:' + regex + ')$', 's');
    const matches = text => text !== null && text !== undefined && compiled.test(text);
    /** Whether the first k parts, joined, match for some k >= 1 (a folder of a path, a prefix of an fqn). */
    matches.leadingParts = (parts, separator) =>
      parts.some((part, k) => matches(parts.slice(0, k + 1).join(separator)));
    return matches;
  }

  function normalizedPath(path) {
    let normalized = path.replace(/\\/g, '/');
    while (normalized.length > 1 && normalized.endsWith('/')) {
      normalized = normalized.substring(0, normalized.length - 1);
    }
    while (normalized.startsWith('./')) {
      normalized = normalized.substring(2);
    }
    return normalized;
  }

  /** The test a node of the index must pass for method:value (SelectionMethod.matcher). */
  function matcher(criterion) {
    const { method, key, value } = criterion;
    switch (method) {
      case 'fqn': {
        const matches = glob(value);
        return node => matches(node.name) || matches.leadingParts(fqnOf(node), '.');
      }
      case 'path': {
        const path = normalizedPath(value);
        const matches = glob(path);
        return node => path === '.'
          || matches.leadingParts(normalizedPath(node.path || '').split('/').filter(part => part !== ''), '/');
      }
      case 'tag': {
        const matches = glob(value);
        return node => (node.tags || []).some(matches);
      }
      case 'source': {
        const matches = glob(value);
        return node => node.type === 'source' && (matches(fqnOf(node)[1]) || matches(node.name));
      }
      case 'resource_type':
        return node => node.type === value;
      case 'config':
        return key === 'tags' ? node => (node.tags || []).includes(value) : node => node.materialized === value;
      case 'test_type':
        return node => testType(node) === value;
      case 'unique_id':
        return node => node.uid === value;
      default:
        throw new Error('unknown method ' + method);
    }
  }

  /** The node's fqn from the index's brief form (SiteIndex.fqnFields): package, folders, name (a source's table). */
  function fqnOf(node) {
    if (node.fqn) {
      return node.fqn;
    }
    const folders = node.folders || [];
    const sourcePrefix = folders.length ? folders[0] + '.' : null;
    const source = node.type === 'source' && sourcePrefix !== null && node.name.startsWith(sourcePrefix);
    return [node.package, ...folders, source ? node.name.substring(sourcePrefix.length) : node.name];
  }

  function testType(node) {
    return node.type === 'test' ? 'data' : node.type === 'unit_test' ? 'unit' : null;
  }

  function isTest(node) {
    return testType(node) !== null;
  }

  /**
   * The nodes within `levels` steps of `start` along `direction` ('parents' or 'children'), start excluded unless
   * reached again; every level's graph entries are loaded together.
   */
  async function walk(graph, start, direction, levels) {
    const reached = new Set();
    let frontier = [...start];
    for (let level = 0; frontier.length && (levels === ALL || level < levels); level++) {
      const entries = await Promise.all(frontier.map(id => graph.neighbours(id)));
      frontier = [];
      entries.forEach(entry => entry[direction].forEach(next => {
        if (!reached.has(next)) {
          reached.add(next);
          frontier.push(next);
        }
      }));
    }
    return reached;
  }

  /** The short ids an expression matches (SelectionExpression.evaluate). */
  async function evaluate(expression, graph) {
    switch (expression.kind) {
      case 'union': {
        const matched = new Set();
        for (const member of expression.members) {
          (await evaluate(member, graph)).forEach(id => matched.add(id));
        }
        return matched;
      }
      case 'intersection': {
        let matched = await evaluate(expression.members[0], graph);
        for (const member of expression.members.slice(1)) {
          const other = await evaluate(member, graph);
          matched = new Set([...matched].filter(id => other.has(id)));
        }
        return matched;
      }
      case 'graph':
        return widen(expression, await evaluate(expression.criterion, graph), graph);
      case 'criterion': {
        const test = matcher(expression);
        return new Set(graph.nodes.filter(test).map(node => node.id));
      }
      default:
        throw new Error('unknown expression ' + expression.kind);
    }
  }

  async function widen(operator, matched, graph) {
    const widened = new Set(matched);
    const add = ids => ids.forEach(id => widened.add(id));
    if (operator.at) {
      add(await walk(graph, matched, 'children', ALL));
      add(await walk(graph, [...widened], 'parents', ALL));
      return widened;
    }
    if (operator.up !== NONE) {
      add(await walk(graph, matched, 'parents', operator.up));
    }
    if (operator.down !== NONE) {
      add(await walk(graph, matched, 'children', operator.down));
    }
    return widened;
  }

  /** The matched nodes plus every test one of whose parents was matched (dbt's eager indirect selection). */
  async function withAttachedTests(matched, graph) {
    const widened = new Set(matched);
    const entries = await Promise.all([...matched].map(id => graph.neighbours(id)));
    entries.forEach(entry => entry.children.filter(child => isTest(graph.nodes[child]))
      .forEach(test => widened.add(test)));
    return widened;
  }

  /**
   * The short ids `text` selects, ascending, as NodeSelector.select: no select terms select every node.
   *
   * @param graph {nodes: the index's nodes (by short id), neighbours(id): a promise of {parents, children}}
   * @throws SelectorError (as a rejected promise) when the text is malformed
   */
  async function select(text, graph) {
    const { select: included, exclude } = parse(text);
    const selected = included === null
      ? new Set(graph.nodes.map(node => node.id))
      : await withAttachedTests(await evaluate(included, graph), graph);
    if (exclude !== null) {
      (await withAttachedTests(await evaluate(exclude, graph), graph)).forEach(id => selected.delete(id));
    }
    return [...selected].sort((a, b) => a - b);
  }

  return { parse, select, glob, fqnOf, SelectorError };
})();
