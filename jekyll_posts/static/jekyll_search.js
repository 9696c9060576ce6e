/* Japanese-first search for the jekyll_posts knowledge base.
 *
 * The index is built by jekyll_posts/core/search.py: Japanese text as
 * character bigrams, other words by their Snowball stem, spread over shard
 * scripts (_search/s<N>.js) by an FNV-1a hash of the term.  A query loads
 * only the shards of its own terms, ranks pages (title > authors and categories > tags > body, then
 * newer first), then loads the pages shown (_search/p<N>.js) to check that
 * each Japanese part really appears as typed and to cut a snippet.
 * Everything is loaded with <script> tags, so the search also works from
 * file://.
 */
"use strict";

(() => {
  // a word character is Python's \w: a letter, a number or "_", not a mark (❤️'s variation selector)
  const WORD = "\\p{L}\\p{N}_";
  const PAGE_SIZE = 20;

  const loaded = new Map();
  const pending = new Map();
  const root = document.documentElement.dataset.content_root || "";
  const stemmer = typeof EnglishStemmer === "function" ? new EnglishStemmer() : null;

  window.jekyllSearchData = (name, data) => {
    loaded.set(name, data);
    for (const { resolve } of pending.get(name) || []) resolve(data);
    pending.delete(name);
  };

  function load(name) {
    if (loaded.has(name)) return Promise.resolve(loaded.get(name));
    return new Promise((resolve, reject) => {
      if (!pending.has(name)) {
        pending.set(name, []);
        const script = document.createElement("script");
        script.src = `${root}_search/${name}.js`;
        script.onerror = () => {
          for (const waiter of pending.get(name) || []) waiter.reject(new Error(`cannot load ${script.src}`));
          pending.delete(name);
          script.remove();
        };
        document.head.appendChild(script);
      }
      pending.get(name).push({ resolve, reject });
    });
  }

  const normalize = (text) => text.normalize("NFKC").toLowerCase();

  function termHash(term) {
    let value = 0x811c9dc5;
    for (let index = 0; index < term.length; index++) {
      value ^= term.charCodeAt(index);
      value = Math.imul(value, 0x01000193) >>> 0;
    }
    return value;
  }

  let patterns = null;

  /* The patterns of core/search.py, with its Japanese characters, which the index's meta.js gives. */
  async function tokenizer() {
    if (patterns === null) {
      const { japanese } = await load("meta");
      const { weights } = await load("meta");
      if (typeof japanese !== "string" || !Array.isArray(weights)) {
        throw new Error("_search/meta.js is older than jekyll_search.js");
      }
      patterns = {
        run: new RegExp(`[${japanese}]+|(?:(?![${japanese}])[${WORD}])+`, "gu"),
        japanese: new RegExp(`^[${japanese}]+$`, "u"),
      };
    }
    return patterns;
  }

  /* Runs of Japanese characters, and words of other scripts, of normalised text (runs() in core/search.py). */
  async function runsOf(text) {
    return normalize(text).match((await tokenizer()).run) || [];
  }

  /* A query's index terms (all must match) and its Japanese runs (each must appear as typed). */
  async function parse(query) {
    const { japanese } = await tokenizer();
    const terms = new Set();
    const runs = [];
    for (const run of await runsOf(query)) {
      if (japanese.test(run)) {
        runs.push(run);
        const characters = [...run]; // code points, as Python counts them
        characters.slice(1).forEach((character, index) => terms.add(characters[index] + character));
      } else {
        terms.add(stemmer ? stemmer.stemWord(run) : run);
      }
    }
    return { terms: [...terms], runs };
  }

  function absolute(deltas) {
    let number = 0;
    return deltas.map((delta) => (number += delta));
  }

  /* Page numbers that have every term, best first. */
  async function candidates(query) {
    const { terms, runs } = await parse(query);
    if (terms.length === 0) return { pages: [], runs }; // a single character: too short to search
    const meta = await load("meta");
    const shards = await Promise.all(terms.map((term) => load(`s${termHash(term) % meta.shards}`)));
    let scores = null;
    for (const [index, term] of terms.entries()) {
      const postings = shards[index][term];
      if (!postings) return { pages: [], runs };
      const best = new Map();
      postings.forEach((deltas, field) => {
        for (const page of absolute(deltas)) {
          best.set(page, Math.max(best.get(page) || 0, meta.weights[field]));
        }
      });
      if (scores === null) {
        scores = best;
      } else {
        for (const [page, score] of scores) {
          if (best.has(page)) scores.set(page, score + best.get(page));
          else scores.delete(page);
        }
      }
    }
    const pages = [...scores.keys()].sort((a, b) => scores.get(b) - scores.get(a) || a - b);
    return { pages, runs };
  }

  /* The pages found for a query, with their records, checked to contain each Japanese run. */
  async function* results(query) {
    const { pages, runs } = await candidates(query);
    // a small first batch, so the first result shows as soon as its page record arrives
    for (let start = 0, size = 4; start < pages.length; start += size, size = PAGE_SIZE) {
      const batch = pages.slice(start, start + size);
      const records = batch.map((number) => load(`p${number}`));
      for (const [index, record] of records.entries()) {
        const page = await record;
        const haystack = normalize(`${page.t} ${page.n.join(" ")} ${page.g.join(" ")} ${page.x}`);
        if (runs.every((run) => haystack.includes(run))) yield { number: batch[index], ...page };
      }
    }
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
  }

  /* What NFKC may compose with the character before it: marks, half-width (semi-)voiced sound marks
   * (ﾀﾞ) and Hangul vowel and final jamo. */
  const FOLLOWER = "\\p{M}\\uff9e\\uff9f\\u1160-\\u11ff\\ud7b0-\\ud7ff";
  /* Characters that normalise to one code unit each, alone (ASCII, Japanese punctuation, kana, kanji,
   * full- and half-width forms): most of a page, mapped without normalising one piece at a time. */
  const FLAT =
    "\\t\\n\\r\\x20-\\x7e\\u3000-\\u3029\\u3030-\\u303f\\u3041-\\u3096\\u309d\\u309e\\u30a0-\\u30fe" +
    "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uff01-\\uff5e\\uff61-\\uff9d";
  /* A run of such characters, none followed by a follower; or one piece: a code point (both halves of
   * a surrogate pair) with the followers after it, which normalises apart from its neighbours. */
  const PIECES = new RegExp(`((?:[${FLAT}](?![${FOLLOWER}]))+)|[^][${FOLLOWER}]*`, "gu");

  /* The normalised text, built piece by piece, and for each of its code units the original piece it
   * comes from (start and end), so that a match in the normalised text marks whole original characters. */
  function mapped(text) {
    let normalized = "";
    const starts = [];
    const ends = [];
    let start = 0;
    for (const [piece, flat] of text.matchAll(PIECES)) {
      const part = normalize(piece);
      const end = start + piece.length;
      if (flat !== undefined && part.length === piece.length) {
        for (let unit = start; unit < end; unit++) {
          starts.push(unit);
          ends.push(unit + 1);
        }
      } else {
        for (let unit = 0; unit < part.length; unit++) {
          starts.push(start);
          ends.push(end);
        }
      }
      normalized += part;
      start = end;
    }
    // casing that depends on the neighbours (a final sigma) changes letters, not lengths: match as a whole
    const whole = normalize(text);
    if (whole.length === normalized.length) normalized = whole;
    return { text, normalized, starts, ends };
  }

  /* The original offset where normalised code unit `index` starts (the text's end past the last one). */
  const offsetOf = (map, index) => (index < map.starts.length ? map.starts[index] : map.text.length);

  /* The first normalised index whose piece starts at or after the original offset. */
  function indexAt(map, offset) {
    let [low, high] = [0, map.starts.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (map.starts[middle] < offset) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /* HTML of the original text of normalised [first, last), every needle found in it marked. */
  function highlight(map, needles, first = 0, last = map.normalized.length) {
    const { text, normalized, starts, ends } = map;
    let html = "";
    let written = offsetOf(map, first); // original text is in `html` up to here
    let index = first;
    while (index < last) {
      let found = -1;
      let length = 0;
      for (const needle of needles) {
        const at = normalized.indexOf(needle, index);
        if (at === -1 || at + needle.length > last) continue;
        if (found === -1 || at < found) [found, length] = [at, needle.length];
      }
      if (found === -1) break;
      const [start, end] = [starts[found], ends[found + length - 1]];
      html += `${escapeHtml(text.slice(written, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`;
      written = end;
      index = indexAt(map, end);
    }
    return html + escapeHtml(text.slice(written, offsetOf(map, last)));
  }

  /* About 160 characters of the text from a little before the first match, cut between pieces. */
  function snippet(text, needles) {
    const map = mapped(text);
    const found = needles.map((needle) => map.normalized.indexOf(needle)).filter((at) => at >= 0);
    const start = found.length ? Math.max(0, offsetOf(map, Math.min(...found)) - 40) : 0;
    const [first, last] = [indexAt(map, start), indexAt(map, start + 160)];
    const more = last < map.normalized.length ? "…" : "";
    return (offsetOf(map, first) > 0 ? "…" : "") + highlight(map, needles, first, last) + more;
  }

  function render(list, result, needles) {
    const item = document.createElement("li");
    item.className = "jekyll-search-result";
    const date = result.d ? `<span class="jekyll-search-date">${escapeHtml(result.d)}</span>` : "";
    const title = highlight(mapped(result.t), needles);
    item.innerHTML =
      `<a class="jekyll-search-title" href="${escapeHtml(root + result.u)}">${title}</a>` +
      `${date}<p class="jekyll-search-snippet">${snippet(result.x, needles)}</p>`;
    list.appendChild(item);
  }

  /* Results of a query, PAGE_SIZE at a time: the status says how many are shown and whether more
   * may follow (a page is only counted once its record is read), a button shows the next ones. */
  async function show(query, box) {
    const status = box.querySelector(".jekyll-search-status");
    const list = box.querySelector(".jekyll-search-list");
    const more = box.querySelector(".jekyll-search-more");
    list.replaceChildren();
    more.hidden = true;
    let shown = 0;
    let needles;
    let found;
    let next;
    /* The next PAGE_SIZE results; a failure (an index file that cannot be read) is said, not thrown. */
    const showNext = async () => {
      more.hidden = true;
      box.dataset.state = "searching";
      status.textContent = box.dataset.searching;
      try {
        if (found === undefined) {
          needles = await runsOf(query);
          found = results(query);
          next = await found.next(); // read one ahead: whether more follow is known, not guessed
        }
        for (let count = 0; !next.done && count < PAGE_SIZE; count++) {
          render(list, next.value, needles);
          shown += 1;
          if (shown === 1) box.dataset.state = "first";
          next = await found.next();
        }
        if (!shown) status.textContent = box.dataset.none;
        else status.textContent = (next.done ? box.dataset.found : box.dataset.foundMore).replace("%s", shown);
        more.hidden = next.done;
      } catch (error) {
        status.textContent = box.dataset.unavailable;
        console.error(error);
      }
      box.dataset.state = "done";
    };
    more.onclick = showNext;
    await showNext();
  }

  /* Every page found for a query (for tests and benchmarks). */
  async function pages(query) {
    const found = [];
    for await (const result of results(query)) found.push(result.number);
    return found;
  }

  window.jekyllSearch = { runs: runsOf, parse, candidates, results, pages, show, snippet, normalize, termHash };

  document.addEventListener("DOMContentLoaded", () => {
    const box = document.getElementById("jekyll-search");
    if (!box) return;
    const query = new URLSearchParams(window.location.search).get("q") || "";
    const input = box.querySelector("input[name=q]");
    input.value = query;
    if (query.trim()) show(query, box);
  });
})();
