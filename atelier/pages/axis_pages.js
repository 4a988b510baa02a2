// The projection's presented axe. The browser alone knows how much fits: it draws the lines in two
// columns, shrinks the font step by step down to a floor that stays legible from the back of a
// hall, and if the axe still does not fit, lays the lines out in pages of two columns and shows
// « 1/2 ». Pages turn by themselves every `interval` ms, and when the facilitator turns one (`page`
// goes up or down by one). Texts are shown with {{ }} (as text, never as HTML).
const LARGEST = 40; // px at 1080p
const FLOOR = 24;
const STEP = 2;

export default {
  template: `
    <div class="axis-pages" :data-pages="pages" :data-current="current">
      <div ref="frame" class="axis-frame">
        <div ref="flow" class="axis-flow" :style="flowStyle">
          <template v-for="section in sections" :key="section.label">
            <div class="column-title">{{ section.label }}</div>
            <div v-for="(line, index) in section.lines" :key="section.label + index"
                 :class="['axis-line', 'level-' + line.level]">{{ line.text }}</div>
          </template>
        </div>
      </div>
      <div v-if="pages > 1" class="axis-page-number">{{ current + 1 }}/{{ pages }}</div>
    </div>`,
  props: {
    sections: Array,
    page: Number,
    interval: Number,
  },
  data() {
    return { size: LARGEST, fill: "balance", pages: 1, ticks: 0, stride: 0 };
  },
  computed: {
    current() {
      return (((this.page || 0) + this.ticks) % this.pages + this.pages) % this.pages;
    },
    flowStyle() {
      return {
        fontSize: `${this.size}px`,
        columnFill: this.fill,
        transform: `translateX(${-this.current * this.stride}px)`,
      };
    },
  },
  watch: {
    sections: { handler() { this.$nextTick(this.fit); }, deep: true },
    page() { this.restartTimer(); },
  },
  mounted() {
    // The frame's size is known only once the whole screen is laid out, and changes with the
    // window: measure again each time it changes (fitting changes the lines, never the frame).
    this.observer = new ResizeObserver(() => this.fit());
    this.observer.observe(this.$refs.frame);
    this.fit();
    if (document.fonts) document.fonts.ready.then(() => this.fit());
    this.restartTimer();
  },
  unmounted() {
    this.observer.disconnect();
    clearInterval(this.timer);
  },
  methods: {
    overflows() {
      const frame = this.$refs.frame;
      const flow = this.$refs.flow;
      return flow.scrollWidth > frame.clientWidth + 1 || flow.scrollHeight > frame.clientHeight + 1;
    },
    apply(size, fill) {
      // Set and measure at once (a layout per step): Vue would only draw after this method returns.
      this.$refs.flow.style.fontSize = `${size}px`;
      this.$refs.flow.style.columnFill = fill;
      this.$refs.flow.style.transform = "none";
    },
    fit() {
      const frame = this.$refs.frame;
      const flow = this.$refs.flow;
      if (!frame || !flow || !frame.clientWidth) return;
      let size = LARGEST;
      this.apply(size, "balance");
      while (size > FLOOR && this.overflows()) {
        size -= STEP;
        this.apply(size, "balance");
      }
      let fill = "balance";
      let pages = 1;
      if (this.overflows()) {
        // Pages, then: as few as the floor allows, in the largest font that needs no more of them.
        fill = "auto"; // fill each column to the bottom: the pages follow one another
        pages = this.pagesAt(size, frame, flow);
        while (size + STEP <= LARGEST && this.pagesAt(size + STEP, frame, flow) <= pages) size += STEP;
        pages = this.pagesAt(size, frame, flow);
      }
      this.size = size;
      this.fill = fill;
      this.pages = pages;
      flow.style.transform = `translateX(${-this.current * this.stride}px)`;
    },
    pagesAt(size, frame, flow) {
      this.apply(size, "auto");
      const gap = parseFloat(getComputedStyle(flow).columnGap) || 0;
      this.stride = frame.clientWidth + gap;
      return Math.max(1, Math.ceil((flow.scrollWidth + gap) / this.stride - 0.01));
    },
    restartTimer() {
      clearInterval(this.timer);
      this.ticks = 0;
      this.timer = setInterval(() => { if (this.pages > 1) this.ticks += 1; }, this.interval || 25000);
    },
  },
};
