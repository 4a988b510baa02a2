// The phone's ballot, drawn by the browser from three properties: a room-wide change (the vote
// opens) costs the server one element per phone, not six per proposition. Texts are shown with
// {{ }} (as text, never as HTML). A tap asks the server for the new number of points; the server
// decides (budget, cap, closed vote) and sends back `points`.
export default {
  template: `
    <div class="ballot-items">
      <div v-if="mine.length" class="ballot-mine">
        <div class="ballot-mine-title">{{ labels.mine }}</div>
        <div v-for="item in mine" :key="item.id" class="ballot-mine-item">{{ item.text }} : {{ pointsText(item.points) }}</div>
      </div>
      <template v-for="section in sections" :key="section.key">
        <div v-if="section.title" class="ballot-axis">{{ section.title }}</div>
        <div v-if="section.orientation" class="ballot-orientation">{{ section.orientation }}</div>
        <div v-for="item in section.items" :key="item.id" class="ballot-item">
          <div class="ballot-text">{{ item.text }}</div>
          <div class="ballot-row">
            <q-btn v-if="!frozen" outline color="primary" class="vote-button" :aria-label="labels.minus"
                   :label="labels.minusSign" @click="change(item.id, -1)" />
            <div class="ballot-points">{{ pointsText(points[item.id] || 0) }}</div>
            <q-btn v-if="!frozen" unelevated color="primary" class="vote-button" :aria-label="labels.plus"
                   :label="labels.plusSign" @click="change(item.id, 1)" />
          </div>
        </div>
      </template>
    </div>`,
  props: {
    sections: Array,
    points: Object,
    frozen: Boolean,
    labels: Object,
  },
  computed: {
    // « Mes points »: where this participant's points are, without scrolling a long ballot.
    mine() {
      return this.sections
        .flatMap((section) => section.items)
        .filter((item) => (this.points[item.id] || 0) > 0)
        .map((item) => ({ id: item.id, text: item.text, points: this.points[item.id] }));
    },
  },
  methods: {
    change(item, step) {
      const points = (this.points[item] || 0) + step;
      if (points >= 0) this.$emit("points", { item, points });
    },
    pointsText(count) {
      return `${count} ${count < 2 ? this.labels.point : this.labels.points}`;
    },
  },
};
