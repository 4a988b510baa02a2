// A projected screen too full for one page: every card on some page, none cut. The server draws the
// cards (one element each) inside sections (a theme, the témoignages, a vote's bars); the browser,
// which alone knows what fits, shows them all if a font down to a floor that stays legible from the
// back of a hall lets them fit; else, at that floor, whole sections together as long as they fit,
// and a section too long alone in parts, column by column.
// It shows one page at a time, turns them by itself every `interval` ms unless `paused`, shows only
// the section `only` when the facilitator picked one, and one page further each time `turn` goes up.
//
// The page number's line is always there (hidden on a single page): the frame's height must not
// change with the number of pages it was measured for.
// Markup it reads: `.pager-section` (with `data-key`), inside it `.pager-column`s (or the section
// itself is the column), inside them `.pager-card`s. Sections and cards it does not show get
// `display: none`; the font size is set on the frame, and the cards' sizes are in `em`.
const STEP = 2; // px
const SETTLE_MS = 250; // cards arriving in a burst are laid out again at most this often

export default {
  template: `
    <div class="pager" :data-pages="pages.length" :data-page="index" :data-settled="settled">
      <div ref="frame" class="pager-frame"><slot></slot></div>
      <div class="pager-number" :style="{ visibility: pages.length > 1 ? 'visible' : 'hidden' }">
        {{ labels.page }} {{ index + 1 }} / {{ pages.length }}<template v-if="paused"> · {{ labels.paused }}</template>
      </div>
    </div>`,
  props: {
    interval: Number,
    paused: Boolean,
    only: String, // a section's key, or "" for every section in turn
    turn: Number,
    largest: Number, // px
    floor: Number, // px
    labels: Object,
  },
  data() {
    return { pages: [], index: 0, settled: false }; // settled: laid out since the last change
  },
  watch: {
    only() {
      this.index = 0;
      this.fit();
    },
    paused() {
      this.restartTimer();
    },
    turn() {
      this.step();
      this.restartTimer();
    },
  },
  mounted() {
    // Cards come and go with the room's posts; the frame changes with the window.
    this.mutations = new MutationObserver(() => this.refit());
    this.mutations.observe(this.$refs.frame, { childList: true, subtree: true, characterData: true });
    this.resizes = new ResizeObserver(() => this.refit());
    this.resizes.observe(this.$refs.frame);
    // Laid out now, and again once the fonts are in (they change what fits): settled only then.
    this.fontsIn = !document.fonts;
    this.fit();
    if (document.fonts) {
      document.fonts.ready.then(() => {
        this.fontsIn = true;
        this.fit();
      });
    }
    this.restartTimer();
  },
  unmounted() {
    this.mutations.disconnect();
    this.resizes.disconnect();
    clearInterval(this.timer);
    clearTimeout(this.pending);
  },
  methods: {
    refit() {
      this.settled = false;
      if (this.pending) return; // a burst of cards: laid out at most every SETTLE_MS
      this.pending = setTimeout(() => {
        this.pending = null;
        this.fit();
      }, SETTLE_MS);
    },
    sections() {
      return [...this.$refs.frame.querySelectorAll(".pager-section")];
    },
    fit() {
      const frame = this.$refs.frame;
      if (!frame || !frame.clientHeight) return;
      const shown = this.pages[this.index];
      const sections = this.sections().filter((s) => !this.only || s.dataset.key === this.only);
      this.pages = this.paginate(sections, frame);
      // Stay on what was shown (or the first page of its section) while cards come and go.
      const key = shown ? shown.keys[0] : null;
      const same = this.pages.findIndex((p) => p.keys[0] === key && p.part === shown.part);
      const sameSection = this.pages.findIndex((p) => p.keys.includes(key));
      this.index = same >= 0 ? same : sameSection >= 0 ? sameSection : 0;
      this.show();
      this.settled = this.fontsIn && !this.pending;
    },
    paginate(sections, frame) {
      // Everything on one page if it fits, in the largest size it fits at.
      this.display(sections, null);
      let size = this.largest;
      this.setSize(size);
      while (size > this.floor && this.overflows(frame)) this.setSize((size -= STEP));
      if (!this.overflows(frame)) return [{ keys: sections.map((s) => s.dataset.key || ""), part: 0, size, cards: null }];
      // Else at the floor: whole sections together while they fit, a section too long alone in parts.
      size = this.floor;
      this.setSize(size);
      const pages = [];
      let together = [];
      const close = () => {
        if (together.length) pages.push({ keys: together.map((s) => s.dataset.key || ""), part: 0, size, cards: null });
        together = [];
      };
      for (const section of sections) {
        this.display([...together, section], null);
        if (!this.overflows(frame)) {
          together.push(section);
          continue;
        }
        close();
        this.display([section], null);
        if (!this.overflows(frame)) {
          together = [section];
          continue;
        }
        pages.push(...this.parts(section, frame, size));
      }
      close();
      return pages;
    },
    display(sections, cards) {
      for (const section of this.sections()) {
        const here = sections.includes(section);
        section.style.display = here ? "" : "none";
        if (!here) continue;
        for (const card of section.querySelectorAll(".pager-card")) {
          card.style.display = !cards || cards.has(card) ? "" : "none";
        }
      }
    },
    parts(section, frame, size) {
      const key = section.dataset.key || "";
      const columns = [...section.querySelectorAll(".pager-column")];
      const parts = (columns.length ? columns : [section]).map((column) => this.split(column, frame));
      const count = Math.max(...parts.map((p) => p.length));
      return Array.from({ length: count }, (_, part) => ({
        keys: [key], part, size, cards: new Set(parts.flatMap((p) => p[part] || [])),
      }));
    },
    split(column, frame) {
      // Cards in reading order; a new part starts where the next card would cross the frame's foot.
      // Cards side by side (a grid) share their top, so a row moves as one.
      const bottom = frame.getBoundingClientRect().bottom;
      const cards = [...column.querySelectorAll(".pager-card")];
      if (!cards.length) return [];
      const start = cards[0].getBoundingClientRect().top;
      const room = bottom - start;
      const parts = [[]];
      let top = start;
      for (const card of cards) {
        const box = card.getBoundingClientRect();
        if (box.bottom - top > room && parts[parts.length - 1].length) {
          parts.push([]);
          top = box.top;
        }
        parts[parts.length - 1].push(card);
      }
      return parts;
    },
    overflows(frame) {
      return frame.scrollHeight > frame.clientHeight + 1 || frame.scrollWidth > frame.clientWidth + 1;
    },
    setSize(size) {
      this.$refs.frame.style.fontSize = `${size}px`;
    },
    show() {
      const page = this.pages[this.index];
      const keys = page ? page.keys : [];
      this.display(this.sections().filter((s) => keys.includes(s.dataset.key || "")), page ? page.cards : null);
      if (page) this.setSize(page.size);
    },
    step() {
      if (!this.pages.length) return;
      this.index = (this.index + 1) % this.pages.length;
      this.show();
    },
    restartTimer() {
      clearInterval(this.timer);
      this.timer = setInterval(() => { if (!this.paused && this.pages.length > 1) this.step(); }, this.interval || 10000);
    },
  },
};
