// « Présentez-vous »: role, commune, structure (actors), name. Drawn by the browser from its
// properties, so a hall of phones joining costs the server one element each, not a dozen fields.
// What is chosen stays in the browser until « Commencer »; the server checks it all again.
const fold = (text) => String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

export default {
  template: `
    <div class="phone-stack">
      <h2>{{ labels.title }}</h2>
      <div class="hint">{{ labels.anonymous }}</div>
      <div>{{ labels.role }}</div>
      <q-option-group v-model="role" :options="roles" type="radio" />
      <q-select v-model="commune" :options="shown" :label="labels.commune" outlined emit-value map-options
                use-input fill-input hide-selected input-debounce="0" @filter="filter" class="full-width" />
      <q-input v-if="actor" v-model="structure" :label="labels.structure" outlined :maxlength="limits.structure"
               class="full-width" />
      <q-input v-model="name" :label="labels.name" outlined :maxlength="limits.name" class="full-width" />
      <div v-if="error" class="error" role="alert">{{ error }}</div>
      <q-btn :label="labels.submit" color="primary" class="full-width" no-caps unelevated @click="save" />
    </div>`,
  props: {
    roles: Array, // [{value, label}]
    actorRoles: Array, // the roles that name their structure
    communes: Array, // [{value, label}]
    labels: Object,
    limits: Object,
    initial: Object, // what is on file, when the participant changes it: {role, commune, structure, name}
    error: String,
  },
  emits: ["save"],
  data() {
    return { role: null, commune: null, structure: "", name: "", shown: this.communes };
  },
  computed: {
    actor() {
      return this.actorRoles.includes(this.role);
    },
  },
  watch: {
    initial: {
      handler(value) {
        if (!value) return;
        Object.assign(this, { role: value.role, commune: value.commune, structure: value.structure, name: value.name });
      },
      immediate: true,
    },
    communes(value) {
      this.shown = value;
    },
  },
  methods: {
    save() {
      this.$emit("save", {
        role: this.role || "",
        commune: this.commune || "",
        structure: this.actor ? this.structure || "" : "",
        name: this.name || "",
      });
    },
    filter(typed, update) {
      // « Mor » finds Morlaàs and Serres-Morlaàs, accents and case aside.
      const needle = fold(typed);
      update(() => {
        this.shown = needle ? this.communes.filter((option) => fold(option.label).includes(needle)) : this.communes;
      });
    },
  },
};
