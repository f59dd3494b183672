/*
 * The SF Crime Stats dashboard. data.js calls window.sfDashboard(data) with two tables as columns of small numbers
 * (see dev.sfcrimestats.dashboard.DashboardData): `monthly` (incidents and arrests per month, category and
 * neighborhood, the whole history) and `points` (each located incident of the last 12 months of data: day, hour,
 * category, neighborhood, place). Every chart is computed here from those two tables and the filters, so the page
 * needs no server. Names from the data are shown through textContent or ECharts' canvas, never as HTML.
 */
(function () {
  'use strict';

  const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  const GROUP_COLORS = { violent: '#c92a2a', property: '#1c7ed6', other: '#868e96' };
  const TOP_CATEGORIES = 5;
  const RESOLUTION_CATEGORIES = 15;

  const view = { data: null, filters: null, charts: {}, derived: null };

  window.sfDashboard = function (data) {
    view.data = data;
    view.derived = derive(data);
    describe(data);
    if (view.derived.months.length === 0) {
      document.getElementById('empty').hidden = false;
      return;
    }
    setUpFilters();
    render();
  };

  /** For tests and the console: the current filters, the charts, and a way to set filters. */
  window.sfDashboardView = {
    get filters() { return Object.assign({}, view.filters); },
    get charts() { return view.charts; },
    get data() { return view.data; },
    setFilters(changes) {
      Object.assign(view.filters, changes);
      showFilters();
      render();
    }
  };

  // ---- data --------------------------------------------------------------------------------------------------

  /** What every render needs and the data does not say directly: points' months and weekdays, category groups. */
  function derive(data) {
    const months = data.monthly.months;
    const points = data.points;
    const count = points.day.length;
    const pointMonth = new Int32Array(count);
    const pointWeekday = new Int8Array(count);
    const pointDate = [];
    if (points.firstDay) {
      const first = Date.parse(points.firstDay + 'T00:00:00Z');
      const firstMonthIndex = months.indexOf(points.firstDay.substring(0, 7));
      const dates = new Map();
      for (let i = 0; i < count; i++) {
        const day = points.day[i];
        let date = dates.get(day);
        if (!date) {
          date = new Date(first + day * 86400000);
          dates.set(day, date);
        }
        pointDate.push(date);
        pointWeekday[i] = (date.getUTCDay() + 6) % 7;
        const monthsSinceFirst = (date.getUTCFullYear() * 12 + date.getUTCMonth())
          - (Number(points.firstDay.substring(0, 4)) * 12 + Number(points.firstDay.substring(5, 7)) - 1);
        pointMonth[i] = firstMonthIndex < 0 ? -1 : firstMonthIndex + monthsSinceFirst;
      }
    }
    return { months, pointMonth, pointWeekday, pointDate, count, box: box(points),
      neighborhoodCenters: neighborhoodCenters(data) };
  }

  /** The smallest box around every point (San Francisco's when there are none). */
  function box(points) {
    if (points.lat.length === 0) {
      return { lonMin: -122.52, lonMax: -122.35, latMin: 37.70, latMax: 37.82 };
    }
    let latMin = Infinity, latMax = -Infinity, lonMin = Infinity, lonMax = -Infinity;
    for (let i = 0; i < points.lat.length; i++) {
      latMin = Math.min(latMin, points.lat[i]); latMax = Math.max(latMax, points.lat[i]);
      lonMin = Math.min(lonMin, points.lon[i]); lonMax = Math.max(lonMax, points.lon[i]);
    }
    const lat = value => points.latOrigin + value / points.scale;
    const lon = value => points.lonOrigin + value / points.scale;
    return { lonMin: lon(lonMin), lonMax: lon(lonMax), latMin: lat(latMin), latMax: lat(latMax) };
  }

  function isoDay(date) {
    return date.toISOString().substring(0, 10);
  }

  /** The monthly rows passing the category and neighborhood filters (unless told to ignore one). */
  function monthlyRows(options) {
    const m = view.data.monthly;
    const f = view.filters;
    const rows = [];
    for (let i = 0; i < m.month.length; i++) {
      if (!(options && options.anyCategory) && f.category >= 0 && m.category[i] !== f.category) continue;
      if (!(options && options.anyNeighborhood) && f.neighborhood >= 0 && m.neighborhood[i] !== f.neighborhood) continue;
      rows.push(i);
    }
    return rows;
  }

  /** The points passing every filter, dates included. */
  function pointRows() {
    const p = view.data.points;
    const f = view.filters;
    const d = view.derived;
    const rows = [];
    for (let i = 0; i < d.count; i++) {
      const month = d.pointMonth[i];
      if (month < f.from || month > f.to) continue;
      if (f.category >= 0 && p.category[i] !== f.category) continue;
      if (f.neighborhood >= 0 && p.neighborhood[i] !== f.neighborhood) continue;
      rows.push(i);
    }
    return rows;
  }

  function sum(rows, column, from, to) {
    const m = view.data.monthly;
    let total = 0;
    rows.forEach(i => {
      if (m.month[i] >= from && m.month[i] <= to) total += column[i];
    });
    return total;
  }

  // ---- the page's text and filters ---------------------------------------------------------------------------

  function describe(data) {
    const s = data.summary;
    text('title', data.title);
    document.title = data.title;
    document.getElementById('synthetic').hidden = !s.synthetic;
    text('source', s.dataSource || 'no data yet');
    text('range', s.firstDate ? s.firstDate + ' to ' + s.lastDate : '–');
    text('loaded', s.lastChangedAt ? s.lastChangedAt.replace('T', ' ').substring(0, 16) : 'unknown');
    text('generated', s.generatedAt.replace('T', ' ').substring(0, 16) + ' UTC');
    const note = data.points.firstDay
      ? '(incidents with a location, ' + data.points.firstDay + ' to ' + s.lastDate + ', within the range)'
      : '(no incidents with a location)';
    document.querySelectorAll('.points-note').forEach(element => { element.textContent = note; });
  }

  function text(id, value) {
    document.getElementById(id).textContent = value;
  }

  function setUpFilters() {
    const data = view.data;
    const totals = new Map();
    data.monthly.category.forEach((c, i) => totals.set(c, (totals.get(c) || 0) + data.monthly.incidents[i]));
    fill('category', data.categories.map((name, i) => [name, i]).sort((a, b) => (totals.get(b[1]) || 0) - (totals.get(a[1]) || 0)));
    fill('neighborhood', data.neighborhoods.map((name, i) => [name, i]).sort((a, b) => a[0].localeCompare(b[0])));
    const months = view.derived.months;
    ['from', 'to'].forEach(id => {
      const input = document.getElementById(id);
      input.min = months[0];
      input.max = months[months.length - 1];
    });
    reset();
    if (partialLastMonth()) {
      text('partial', 'The data covers ' + months[months.length - 1] + ' only to ' + view.data.summary.lastDate
        + ': the first view ends with the month before, so that no comparison sets part of a month against a whole'
        + ' one.');
    }
    document.getElementById('filters').addEventListener('change', readFilters);
    document.getElementById('reset').addEventListener('click', () => { reset(); render(); });
  }

  function fill(id, options) {
    const select = document.getElementById(id);
    options.forEach(([name, value]) => select.appendChild(new Option(name, String(value))));
  }

  /**
   * The last 12 whole months: a month the data covers only in part would make every comparison with a whole one
   * look like a fall, so the first view ends before it (it can still be chosen).
   */
  function reset() {
    const whole = lastWholeMonth();
    view.filters = { from: Math.max(0, whole - 11), to: whole, category: -1, neighborhood: -1 };
    showFilters();
  }

  /** The index of the last month the data covers to its end (the last month when there is only one). */
  function lastWholeMonth() {
    const last = view.derived.months.length - 1;
    return partialLastMonth() && last > 0 ? last - 1 : last;
  }

  /** Whether the data ends before the last day of its last month. */
  function partialLastMonth() {
    const lastDate = view.data.summary.lastDate;
    if (!lastDate) return false;
    const next = new Date(Date.parse(lastDate + 'T00:00:00Z') + 86400000);
    return next.getUTCDate() !== 1;
  }

  function showFilters() {
    const months = view.derived.months;
    document.getElementById('from').value = months[view.filters.from];
    document.getElementById('to').value = months[view.filters.to];
    document.getElementById('category').value = String(view.filters.category);
    document.getElementById('neighborhood').value = String(view.filters.neighborhood);
  }

  function readFilters() {
    const months = view.derived.months;
    const index = (id, fallback) => {
      const found = months.indexOf(document.getElementById(id).value);
      return found < 0 ? fallback : found;
    };
    let from = index('from', 0);
    let to = index('to', months.length - 1);
    if (from > to) [from, to] = [to, from];
    view.filters = {
      from, to,
      category: Number(document.getElementById('category').value),
      neighborhood: Number(document.getElementById('neighborhood').value)
    };
    showFilters();
    render();
  }

  // ---- charts ------------------------------------------------------------------------------------------------

  function render() {
    headline();
    trends();
    neighborhoods();
    calendar();
    hours();
    map();
    resolution();
  }

  function chart(id, option) {
    let instance = view.charts[id];
    if (!instance) {
      instance = view.charts[id] = echarts.init(document.getElementById(id));
      window.addEventListener('resize', () => instance.resize());
    }
    instance.setOption(Object.assign({ animation: false }, option), true);
  }

  function headline() {
    const m = view.data.monthly;
    const f = view.filters;
    const rows = monthlyRows();
    const length = f.to - f.from + 1;
    const incidents = sum(rows, m.incidents, f.from, f.to);
    const arrests = sum(rows, m.arrests, f.from, f.to);
    const before = f.from - length >= 0 ? sum(rows, m.incidents, f.from - length, f.from - 1) : null;
    const arrestsBefore = f.from - length >= 0 ? sum(rows, m.arrests, f.from - length, f.from - 1) : null;
    text('incidents', incidents.toLocaleString('en-US'));
    change('incidents-change', before === null || before === 0 ? null : 100 * (incidents - before) / before,
      '% against the ' + (length === 1 ? 'month' : length + ' months') + ' before', before === null ? 'no earlier period in the data' : null);
    const days = daysIn(view.derived.months[f.from], view.derived.months[f.to]);
    text('per-day', (incidents / days).toFixed(1));
    text('per-day-note', 'over ' + days + ' days');
    const rate = incidents === 0 ? null : 100 * arrests / incidents;
    const rateBefore = !before ? null : 100 * arrestsBefore / before;
    text('arrest-rate', rate === null ? '–' : rate.toFixed(1) + '%');
    change('arrest-rate-change', rate === null || rateBefore === null ? null : rate - rateBefore,
      ' points against the period before', rateBefore === null ? 'no earlier period in the data' : null, true);
    const byCategory = new Map();
    rows.forEach(i => {
      if (m.month[i] >= f.from && m.month[i] <= f.to) {
        byCategory.set(m.category[i], (byCategory.get(m.category[i]) || 0) + m.incidents[i]);
      }
    });
    const top = [...byCategory.entries()].sort((a, b) => b[1] - a[1])[0];
    text('top-category', top ? view.data.categories[top[0]] : '–');
    text('top-category-share', top && incidents ? (100 * top[1] / incidents).toFixed(1) + '% of incidents' : '');
  }

  /** Shows a change with its sign; up is red (more crime), down is green. */
  function change(id, value, suffix, otherwise, points) {
    const element = document.getElementById(id);
    element.classList.remove('up', 'down');
    if (value === null) {
      element.textContent = otherwise || '';
      return;
    }
    element.textContent = (value > 0 ? '+' : '') + value.toFixed(1) + suffix;
    if (!points) element.classList.add(value > 0 ? 'up' : 'down');
  }

  function daysIn(fromMonth, toMonth) {
    const start = Date.parse(fromMonth + '-01T00:00:00Z');
    const end = new Date(Date.parse(toMonth + '-01T00:00:00Z'));
    end.setUTCMonth(end.getUTCMonth() + 1);
    const lastData = view.data.summary.lastDate ? Date.parse(view.data.summary.lastDate + 'T00:00:00Z') + 86400000 : end;
    const firstData = view.data.summary.firstDate ? Date.parse(view.data.summary.firstDate + 'T00:00:00Z') : start;
    return Math.max(1, Math.round((Math.min(end, lastData) - Math.max(start, firstData)) / 86400000));
  }

  function trends() {
    const m = view.data.monthly;
    const f = view.filters;
    const rows = monthlyRows();
    const totals = new Map();
    rows.forEach(i => {
      if (m.month[i] >= f.from && m.month[i] <= f.to) {
        totals.set(m.category[i], (totals.get(m.category[i]) || 0) + m.incidents[i]);
      }
    });
    const top = [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP_CATEGORIES).map(entry => entry[0]);
    const months = view.derived.months.slice(f.from, f.to + 1);
    const series = top.map(category => {
      const values = new Array(months.length).fill(0);
      rows.forEach(i => {
        if (m.category[i] === category && m.month[i] >= f.from && m.month[i] <= f.to) {
          values[m.month[i] - f.from] += m.incidents[i];
        }
      });
      return { name: view.data.categories[category], type: 'line', data: values, showSymbol: months.length < 30 };
    });
    chart('trends', {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      // The axis name sits above the grid: far enough below the legend not to run into it.
      grid: { left: 50, right: 20, top: 60, bottom: 30 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', name: 'incidents', nameGap: 12 },
      series
    });
  }

  function neighborhoods() {
    const m = view.data.monthly;
    const f = view.filters;
    const rows = monthlyRows({ anyNeighborhood: true });
    const to = f.to;
    const recent = new Map();
    const before = new Map();
    rows.forEach(i => {
      const month = m.month[i];
      const n = m.neighborhood[i];
      if (month > to - 12 && month <= to) recent.set(n, (recent.get(n) || 0) + m.incidents[i]);
      else if (month > to - 24 && month <= to - 12) before.set(n, (before.get(n) || 0) + m.incidents[i]);
    });
    const ranked = [...recent.entries()].sort((a, b) => a[1] - b[1]);
    const hasYearBefore = to - 12 >= 0;
    chart('neighborhoods', {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 170, right: 70, top: 10, bottom: 30 },
      xAxis: { type: 'value', name: 'incidents' },
      yAxis: { type: 'category', data: ranked.map(([n]) => view.data.neighborhoods[n]), axisLabel: { fontSize: 10 } },
      series: [{
        type: 'bar',
        name: 'incidents, 12 months',
        data: ranked.map(([n, count]) => ({
          value: count,
          itemStyle: { color: f.neighborhood === n ? '#f0b429' : '#486581' },
          label: {
            show: true, position: 'right', fontSize: 10,
            formatter: hasYearBefore && before.get(n) ? signed(100 * (count - before.get(n)) / before.get(n)) + '%' : ''
          }
        }))
      }]
    });
  }

  function signed(value) {
    return (value > 0 ? '+' : '') + value.toFixed(0);
  }

  function calendar() {
    const p = view.data.points;
    const rows = pointRows();
    const counts = new Map();
    rows.forEach(i => counts.set(p.day[i], (counts.get(p.day[i]) || 0) + 1));
    const dates = view.derived.pointDate;
    const data = [];
    let max = 1;
    rows.forEach(i => {
      const day = p.day[i];
      if (counts.has(day)) {
        data.push([isoDay(dates[i]), counts.get(day)]);
        max = Math.max(max, counts.get(day));
        counts.delete(day);
      }
    });
    const first = p.firstDay || view.data.summary.lastDate;
    chart('calendar', {
      tooltip: {},
      visualMap: { min: 0, max, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120,
        inRange: { color: ['#f0f4f8', '#f0b429', '#ab091e'] } },
      calendar: { range: [first, view.data.summary.lastDate], top: 30, left: 40, right: 20, cellSize: ['auto', 14],
        dayLabel: { firstDay: 1, nameMap: 'en' }, yearLabel: { show: false } },
      series: [{ type: 'heatmap', coordinateSystem: 'calendar', name: 'incidents', data }]
    });
  }

  function hours() {
    const p = view.data.points;
    const weekday = view.derived.pointWeekday;
    const grid = new Array(7 * 24).fill(0);
    pointRows().forEach(i => { grid[weekday[i] * 24 + p.hour[i]] += 1; });
    const data = [];
    let max = 1;
    grid.forEach((count, cell) => {
      data.push([cell % 24, Math.floor(cell / 24), count]);
      max = Math.max(max, count);
    });
    chart('hours', {
      tooltip: {},
      grid: { left: 50, right: 20, top: 10, bottom: 70 },
      xAxis: { type: 'category', name: 'hour', data: [...Array(24).keys()].map(String) },
      yAxis: { type: 'category', data: WEEKDAYS, inverse: true },
      visualMap: { min: 0, max, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120,
        inRange: { color: ['#f0f4f8', '#f0b429', '#ab091e'] } },
      series: [{ type: 'heatmap', name: 'incidents', data }]
    });
  }

  /** The points on longitude and latitude axes, scaled so a kilometre is as long both ways (no map tiles). */
  function map() {
    const p = view.data.points;
    const groups = new Map();
    pointRows().forEach(i => {
      const group = view.data.categoryGroups[p.category[i]] || 'other';
      const key = GROUP_COLORS[group] ? group : 'other';
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push([p.lonOrigin + p.lon[i] / p.scale, p.latOrigin + p.lat[i] / p.scale]);
    });
    const bounds = squared(view.derived.box);
    chart('map', {
      legend: { top: 0, data: [...groups.keys()] },
      grid: { left: 10, right: 10, top: 30, bottom: 10 },
      xAxis: { type: 'value', min: bounds.lonMin, max: bounds.lonMax, show: false },
      yAxis: { type: 'value', min: bounds.latMin, max: bounds.latMax, show: false },
      series: [...groups.entries()].map(([group, data]) => ({
        type: 'scatter', name: group, data, large: true, largeThreshold: 2000, symbolSize: 3,
        itemStyle: { color: GROUP_COLORS[group], opacity: 0.45 }
      })).concat([{
        // Where the neighborhoods are, with no map tiles: each name at the middle of its incidents.
        type: 'scatter', name: 'neighborhoods', data: view.derived.neighborhoodCenters, symbolSize: 0, silent: true,
        label: { show: true, formatter: params => params.data[2], fontSize: 9, color: '#334e68' }
      }])
    });
  }

  /** Each named neighborhood's incidents' mean position, as [longitude, latitude, name]. */
  function neighborhoodCenters(data) {
    const p = data.points;
    const sums = new Map();
    for (let i = 0; i < p.lat.length; i++) {
      const sum = sums.get(p.neighborhood[i]) || { lat: 0, lon: 0, count: 0 };
      sum.lat += p.lat[i];
      sum.lon += p.lon[i];
      sum.count++;
      sums.set(p.neighborhood[i], sum);
    }
    return [...sums.entries()]
      .filter(([n]) => data.neighborhoods[n] !== 'Unknown')
      .map(([n, sum]) => [p.lonOrigin + sum.lon / sum.count / p.scale, p.latOrigin + sum.lat / sum.count / p.scale,
        data.neighborhoods[n]]);
  }

  /**
   * Widens the shorter side of the box so that the map's aspect matches the chart's at this latitude. The box is that
   * of all points, so that the map stays put when the filters change.
   */
  function squared(box) {
    let { lonMin, lonMax, latMin, latMax } = box;
    const element = document.getElementById('map');
    const aspect = (element.clientWidth - 20) / Math.max(1, element.clientHeight - 40);
    const kmPerLon = Math.cos((latMin + latMax) / 2 * Math.PI / 180);
    let width = (lonMax - lonMin) * kmPerLon;
    let height = latMax - latMin;
    if (width / height < aspect) {
      const grow = (height * aspect / kmPerLon - (lonMax - lonMin)) / 2;
      lonMin -= grow; lonMax += grow;
    } else {
      const grow = (width / aspect - height) / 2;
      latMin -= grow; latMax += grow;
    }
    return { lonMin, lonMax, latMin, latMax };
  }

  function resolution() {
    const m = view.data.monthly;
    const f = view.filters;
    const rows = monthlyRows({ anyCategory: true });
    const incidents = new Map();
    const arrests = new Map();
    rows.forEach(i => {
      if (m.month[i] >= f.from && m.month[i] <= f.to) {
        incidents.set(m.category[i], (incidents.get(m.category[i]) || 0) + m.incidents[i]);
        arrests.set(m.category[i], (arrests.get(m.category[i]) || 0) + m.arrests[i]);
      }
    });
    const top = [...incidents.entries()].sort((a, b) => b[1] - a[1]).slice(0, RESOLUTION_CATEGORIES)
      .map(([c, count]) => [c, 100 * (arrests.get(c) || 0) / count])
      .sort((a, b) => b[1] - a[1]);
    chart('resolution', {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 50, right: 20, top: 10, bottom: 90 },
      xAxis: { type: 'category', data: top.map(([c]) => view.data.categories[c]),
        axisLabel: { rotate: 30, fontSize: 10, interval: 0 } },
      yAxis: { type: 'value', name: '%', max: 100 },
      series: [{
        type: 'bar', name: 'citation or arrest, %',
        data: top.map(([c, rate]) => ({ value: Number(rate.toFixed(1)),
          itemStyle: { color: f.category === c ? '#f0b429' : '#0c6b58' } }))
      }]
    });
  }
})();
