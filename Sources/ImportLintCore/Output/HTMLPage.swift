/// The HTML report's page: markup, style and script, all inline. The markup holds no report data: the
/// script reads the JSON block and sets every value as text.
enum HTMLPage {
    static func document(policy: String, style: String, data: String, script: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="\(policy)">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>importlint report</title>
        <style>\(style)</style>
        </head>
        <body>
        <header>
        <h1>importlint report</h1>
        <p id="overview"></p>
        <noscript><p class="note">This report is drawn by its inline script; allow scripts for this file, or use
        <code>importlint check --format json</code> or <code>--format csv</code>.</p></noscript>
        </header>
        <section id="files">
        <h2>Files</h2>
        <table>
        <thead><tr><th>File</th><th>Profile</th><th>Encoding</th><th class="num">Records</th><th class="num">Errors</th>
        <th class="num">Warnings</th><th class="num">Infos</th><th class="num" title="Applied by importlint fix">Safe fixes</th>
        <th class="num" title="Applied by importlint fix --unsafe-fixes">Unsafe fixes</th></tr></thead>
        <tbody></tbody>
        </table>
        </section>
        <section id="rules">
        <h2>Findings per rule</h2>
        <p id="left-out" class="note" hidden></p>
        <table>
        <thead><tr><th>Code</th><th>Rule</th><th class="num">Findings</th><th class="num">In this page</th></tr></thead>
        <tbody></tbody>
        </table>
        </section>
        <section id="findings">
        <h2>Findings</h2>
        <form id="filters">
        <label>Rule <select name="rule"><option value="">all</option></select></label>
        <label>Severity <select name="severity"><option value="">all</option></select></label>
        <label>Field <select name="field"><option value="">all</option></select></label>
        <label>File <select name="file"><option value="">all</option></select></label>
        <label>Text <input name="text" type="search" placeholder="value or message contains"></label>
        </form>
        <p id="findings-status"></p>
        <table id="findings-table">
        <thead><tr><th data-key="file">File</th><th data-key="line" class="num">Line</th><th data-key="severity">Severity</th>
        <th data-key="rule">Rule</th><th data-key="field">Field</th><th data-key="value">Value</th>
        <th data-key="message">Message</th><th data-key="fix">Proposed fix</th></tr></thead>
        <tbody></tbody>
        </table>
        <p><button type="button" id="previous-page">Previous</button> <button type="button" id="next-page">Next</button></p>
        </section>
        <section id="clusters">
        <h2>Organization review</h2>
        <p>Each cluster lists spellings of one value. Accept the members that should be rewritten to the canonical
        spelling, reject the others, edit the canonical spelling if needed, then download the mapping file and
        apply it with <code>importlint fix FILE --mapping organizations.mapping.tsv</code>.</p>
        <div id="cluster-list"></div>
        <p><a id="download-mapping" download="organizations.mapping.tsv">Download mapping file</a>
        <span id="mapping-status"></span></p>
        <pre id="mapping-preview"></pre>
        </section>
        <script type="application/json" id="report-data">\(data)</script>
        <script>\(script)</script>
        </body>
        </html>

        """
    }

    static let style = """

        body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #1d1d1f; }
        h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; }
        table { border-collapse: collapse; margin: .5em 0; }
        th, td { border-bottom: 1px solid #ddd; padding: .25em .6em; text-align: left; vertical-align: top; }
        th[data-key] { cursor: pointer; user-select: none; }
        th[aria-sort="ascending"]::after { content: " \\25B2"; } th[aria-sort="descending"]::after { content: " \\25BC"; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        .error { color: #b00020; } .warning { color: #8a5300; } .info { color: #0b5394; }
        .value, pre { font-family: ui-monospace, monospace; white-space: pre-wrap; overflow-wrap: anywhere; }
        .note { background: #fff4ce; padding: .5em; }
        #filters label { margin-right: 1em; }
        #rules tbody tr { cursor: pointer; }
        .cluster { border: 1px solid #ccc; padding: .5em 1em; margin: 1em 0; }
        .cluster input[type=text] { min-width: 24em; }
        .cluster input.invalid { outline: 2px solid #b00020; }
        tr.rejected td { color: #888; text-decoration: line-through; }
        pre { background: #f6f6f6; padding: .5em; max-height: 20em; overflow: auto; }

        """

    static let script = #"""

        'use strict';
        // Draws the importlint report from the JSON block #report-data. Values are only ever set as text
        // (append/textContent), never as HTML.
        const data = JSON.parse(document.getElementById('report-data').textContent);
        const findings = data.findings.map((row, index) => {
          const finding = Object.fromEntries(data.columns.map((name, i) => [name, row[i]]));
          finding.index = index;
          finding.path = data.files[finding.file].path;
          return finding;
        });
        const pageSize = 200;
        const view = { filters: {}, sortKey: null, descending: false, page: 0 };
        const severityRank = { error: 0, warning: 1, info: 2 };
        const numberFormat = new Intl.NumberFormat('en-US');  // one formatter: toLocaleString makes one per call
        const format = n => numberFormat.format(n);
        const plural = (n, word, words = word + 's') => `${format(n)} ${n === 1 ? word : words}`;

        function el(tag, attributes, ...children) {
          const node = document.createElement(tag);
          for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
          node.append(...children.map(child => child ?? ''));
          return node;
        }

        function numberCell(n) { return el('td', { class: 'num' }, format(n)); }

        function renderSummary() {
          const total = key => data.files.reduce((sum, file) => sum + file[key], 0);
          document.getElementById('overview').append(
            `${plural(data.files.length, 'file')}, ${plural(total('records'), 'record')}: `,
            el('span', { id: 'total-errors', class: 'error' }, plural(total('errors'), 'error')), ', ',
            el('span', { id: 'total-warnings', class: 'warning' }, plural(total('warnings'), 'warning')), ', ',
            el('span', { id: 'total-infos', class: 'info' }, plural(total('infos'), 'info')),
            `; importlint fix would apply ${plural(total('safeFixes'), 'safe fix', 'safe fixes')}`,
            ` (${plural(total('unsafeFixes'), 'unsafe fix', 'unsafe fixes')} more with --unsafe-fixes). ${data.tool}.`);
          const body = document.querySelector('#files tbody');
          for (const file of data.files) {
            body.append(el('tr', {}, el('td', {}, file.path), el('td', {}, file.profile ?? 'not detected'), el('td', {}, file.encoding),
              numberCell(file.records), numberCell(file.errors), numberCell(file.warnings), numberCell(file.infos),
              numberCell(file.safeFixes), numberCell(file.unsafeFixes)));
          }
        }

        function renderRules() {
          const body = document.querySelector('#rules tbody');
          for (const rule of data.rules) {
            const row = el('tr', { 'data-code': rule.code, title: 'Show only this rule' }, el('td', {}, rule.code), el('td', {}, rule.rule),
              numberCell(rule.count), numberCell(rule.shown));
            row.addEventListener('click', () => setFilter('rule', rule.code));
            body.append(row);
          }
          const left = data.rules.filter(rule => rule.listed > rule.shown);
          const notes = [];
          if (left.length) {
            const missing = left.reduce((sum, rule) => sum + rule.listed - rule.shown, 0);
            notes.push(`This page holds the first ${format(data.findingsPerRule)} findings of each rule: ${plural(missing, 'finding')} ` +
              `of ${plural(left.length, 'rule')} are left out. For all of them, run importlint check with --format csv (for Excel) or --format json.`);
          }
          if (data.omittedFindings) {
            notes.push(`--max-findings cut the report: ${plural(data.omittedFindings, 'more finding')} are counted above but not listed.`);
          }
          if (notes.length) {
            const note = document.getElementById('left-out');
            note.textContent = notes.join(' ');
            note.hidden = false;
          }
        }

        function renderFilters() {
          const form = document.getElementById('filters');
          const options = {
            rule: data.rules.map(rule => [rule.code, `${rule.code} ${rule.rule}`]),
            severity: ['error', 'warning', 'info'].map(s => [s, s]),
            field: [...new Set(findings.map(f => f.field).filter(f => f !== null))].sort().map(f => [f, f]),
            file: data.files.map((file, i) => [String(i), file.path]),
          };
          for (const [name, values] of Object.entries(options)) {
            for (const [value, label] of values) form.elements[name].append(el('option', { value }, label));
          }
          form.addEventListener('input', () => {
            for (const name of ['rule', 'severity', 'field', 'file', 'text']) view.filters[name] = form.elements[name].value;
            view.page = 0;
            renderFindings();
          });
          document.querySelectorAll('#findings-table th[data-key]').forEach(th => th.addEventListener('click', () => {
            view.descending = view.sortKey === th.dataset.key && !view.descending;
            view.sortKey = th.dataset.key;
            document.querySelectorAll('#findings-table th').forEach(other => other.removeAttribute('aria-sort'));
            th.setAttribute('aria-sort', view.descending ? 'descending' : 'ascending');
            renderFindings();
          }));
          document.getElementById('previous-page').addEventListener('click', () => { view.page--; renderFindings(); });
          document.getElementById('next-page').addEventListener('click', () => { view.page++; renderFindings(); });
        }

        function setFilter(name, value) {
          const form = document.getElementById('filters');
          form.elements[name].value = value;
          form.dispatchEvent(new Event('input'));
          document.getElementById('findings').scrollIntoView();
        }

        function matches(finding) {
          const f = view.filters;
          const text = (f.text || '').toLowerCase();
          return (!f.rule || finding.code === f.rule) && (!f.severity || finding.severity === f.severity) &&
            (!f.field || finding.field === f.field) && (!f.file || finding.file === Number(f.file)) &&
            (!text || `${finding.value ?? ''}\n${finding.message}`.toLowerCase().includes(text));
        }

        function sortValue(finding, key) {
          if (key === 'file') return [finding.path, finding.line];
          if (key === 'severity') return [severityRank[finding.severity], finding.line];
          if (key === 'fix') return [finding.fix ?? '', finding.fixDescription ?? ''];
          return [finding[key] ?? ''];
        }

        function compare(a, b) {
          const x = sortValue(a, view.sortKey), y = sortValue(b, view.sortKey);
          for (let i = 0; i < x.length; i++) {
            if (x[i] === y[i]) continue;
            const order = typeof x[i] === 'number' ? x[i] - y[i] : String(x[i]).localeCompare(String(y[i]));
            if (order) return view.descending ? -order : order;
          }
          return a.index - b.index;
        }

        function renderFindings() {
          const shown = findings.filter(matches);
          if (view.sortKey) shown.sort(compare);
          const pages = Math.max(1, Math.ceil(shown.length / pageSize));
          view.page = Math.min(Math.max(view.page, 0), pages - 1);
          const start = view.page * pageSize, rows = shown.slice(start, start + pageSize);
          const body = document.querySelector('#findings-table tbody');
          body.replaceChildren(...rows.map(f => el('tr', {},
            el('td', {}, f.path), el('td', { class: 'num' }, String(f.line)), el('td', { class: f.severity }, f.severity),
            el('td', {}, `${f.code} ${f.rule}`), el('td', {}, f.field ?? ''), el('td', { class: 'value' }, f.value ?? ''),
            el('td', {}, f.message), el('td', {}, f.fix ? `${f.fix}: ${f.fixDescription}` : ''))));
          document.getElementById('findings-status').textContent = shown.length
            ? `Rows ${format(start + 1)}–${format(start + rows.length)} of ${plural(shown.length, 'matching finding')} (${format(findings.length)} in this page).`
            : `No finding matches (${format(findings.length)} in this page).`;
          document.getElementById('previous-page').disabled = view.page === 0;
          document.getElementById('next-page').disabled = view.page >= pages - 1;
        }

        // Organization review: every member starts accepted, but for a tie (no spelling more common or better
        // formed: the canonical is a coin toss), whose members start rejected; the mapping lists each
        // accepted member that differs from its cluster's canonical spelling, as `importlint clusters
        // --write-mapping` does.
        const reviews = data.clusters.map(cluster => ({ cluster, canonical: cluster.canonical,
          rejected: new Set(cluster.tie ? cluster.members.map((_, i) => i) : []) }));
        let mappingURL = null;

        const validCanonical = text => text !== '' && !/[\t\r\n]/.test(text);

        function mappingText() {
          let text = 'value\tcanonical\n';
          for (const review of reviews) {
            if (!validCanonical(review.canonical)) continue;
            review.cluster.members.forEach((member, i) => {
              if (member.value !== review.canonical && !review.rejected.has(i)) text += `${member.value}\t${review.canonical}\n`;
            });
          }
          return text;
        }

        function renderCluster(review, index) {
          const { cluster } = review;
          const canonical = el('input', { type: 'text', 'aria-label': 'Canonical spelling', class: 'canonical' });
          canonical.value = review.canonical;
          const body = el('tbody');
          const box = el('div', { class: 'cluster', 'data-cluster': String(index) },
            el('p', {}, `${data.files[cluster.file].path}, ${cluster.field}: canonical `, canonical,
              cluster.tie ? ' (a tie: no spelling is more common or better formed; choose the canonical, then accept)' : ''),
            el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'Spelling'), el('th', { class: 'num' }, 'Count'),
              el('th', {}, 'Sample lines'), el('th', {}, 'Decision'))), body));
          const drawMembers = () => body.replaceChildren(...cluster.members.map((member, i) => {
            const lines = member.lines.join(', ') + (member.count > member.lines.length ? ', …' : '');
            const decision = el('td');
            const row = el('tr', { 'data-member': String(i) }, el('td', { class: 'value' }, member.value), numberCell(member.count),
              el('td', {}, lines), decision);
            if (member.value === review.canonical) {
              decision.append('canonical');
            } else if (!data.redacted) {
              for (const choice of ['accept', 'reject']) {
                const radio = el('input', { type: 'radio', name: `cluster-${index}-member-${i}`, value: choice });
                radio.checked = review.rejected.has(i) === (choice === 'reject');
                radio.addEventListener('change', () => {
                  if (choice === 'reject') review.rejected.add(i); else review.rejected.delete(i);
                  row.classList.toggle('rejected', review.rejected.has(i));
                  updateMapping();
                });
                decision.append(el('label', {}, radio, ` ${choice} `));
              }
              row.classList.toggle('rejected', review.rejected.has(i));
            }
            return row;
          }));
          canonical.addEventListener('input', () => {
            review.canonical = canonical.value;
            canonical.classList.toggle('invalid', !validCanonical(canonical.value));
            drawMembers();
            updateMapping();
          });
          canonical.disabled = data.redacted;
          drawMembers();
          return box;
        }

        function updateMapping() {
          const text = mappingText();
          const link = document.getElementById('download-mapping');
          if (mappingURL) URL.revokeObjectURL(mappingURL);
          mappingURL = URL.createObjectURL(new Blob([text], { type: 'text/tab-separated-values;charset=utf-8' }));
          link.href = mappingURL;
          document.getElementById('mapping-preview').textContent = text;
          const invalid = reviews.filter(review => !validCanonical(review.canonical)).length;
          document.getElementById('mapping-status').textContent = ` ${plural(text.split('\n').length - 2, 'rewrite')}` +
            (invalid ? `; ${plural(invalid, 'cluster')} left out: a canonical spelling must not be empty or hold a tab or line break.` : '.');
        }

        function renderClusters() {
          const list = document.getElementById('cluster-list');
          if (!reviews.length) list.append(el('p', {}, 'No spelling variants found.'));
          list.append(...reviews.map(renderCluster));
          if (data.redacted) {
            list.prepend(el('p', { class: 'note' }, 'Values are redacted (--redact), so no mapping can be made here: run importlint check without --redact to review the spellings.'));
            document.getElementById('download-mapping').remove();
          } else {
            updateMapping();
          }
        }

        renderSummary();
        renderRules();
        renderFilters();
        renderFindings();
        renderClusters();

        """#
}
