// The presented axe's lines on a phone, drawn by the browser from one property: presenting an
// axe costs the server one element update per phone, not one label per line. Orientations hold
// their pistes one level in. Texts are shown with {{ }} (as text, never as HTML).
export default {
  template: `
    <div class="axis-lines">
      <template v-for="section in sections" :key="section.label">
        <div class="font-bold">{{ section.label }}</div>
        <div v-for="(line, index) in section.lines" :key="index" :class="['axis-line', 'level-' + line.level]">{{ marks[line.level] }}{{ line.text }}</div>
      </template>
    </div>`,
  props: {
    sections: Array,
  },
  data() {
    return { marks: { 1: "• ", 2: "– ", 3: "· " } };
  },
};
