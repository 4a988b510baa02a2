// « Ajouter une contribution », drawn by the browser from its properties: a hall of phones joining
// costs the server one element each, not a card of fields and buttons. What is typed stays in the
// browser (and in localStorage, so a phone that locks or reloads keeps its unsent text) until
// « Envoyer », which sends it all at once; the server checks every rule and answers with `outcome`.
const fold = (text) => String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
const PAUSE_MS = 900; // « Déjà signalé ? » is asked once typing pauses, at a pace a hall can afford
const GIVE_UP_MS = 20000; // no answer (the network is gone): « Envoyer » can be tapped again

export default {
  template: `
    <div class="phone-stack">
      <h2>{{ labels.title }}</h2>
      <div>{{ labels.kind }}</div>
      <q-btn-toggle v-model="kind" :options="kindOptions" spread no-caps class="full-width" toggle-color="primary" />
      <q-input v-model="text" type="textarea" :label="current.textLabel" outlined autogrow counter
               :maxlength="limits.text" class="full-width" />
      <slot name="similar"></slot>
      <q-select v-model="theme" :options="themes" :label="labels.theme" outlined emit-value map-options
                class="full-width" />
      <q-select v-model="commune" :options="shownCommunes" :label="labels.commune" outlined emit-value map-options
                use-input fill-input hide-selected input-debounce="0" @filter="filter" class="full-width" />
      <div v-if="current.hasRisk" class="full-width">
        <div>{{ labels.risk }}</div>
        <q-option-group v-model="risk" :options="risks" type="radio" />
      </div>
      <q-input v-if="current.namesStructure" v-model="structure" :label="labels.structure" outlined
               :maxlength="limits.structure" class="full-width" />
      <div v-if="error" class="error" role="alert">{{ error }}</div>
      <q-btn :label="labels.send" color="primary" class="full-width" no-caps unelevated :disable="sending"
             @click="send" />
    </div>`,
  props: {
    kinds: Array, // [{value, label, textLabel, hasRisk, namesStructure}] of the open phase
    themes: Array, // [{value, label}]
    communes: Array, // [{value, label}]
    risks: Array, // [{value, label}]
    labels: Object,
    limits: Object,
    participantCommune: String, // where a new contribution is from, until the participant says otherwise
    draftKey: String,
    outcome: Object, // {n, ok}: the server's answer to the n-th « Envoyer »
    error: String,
  },
  emits: ["send", "typing"],
  data() {
    return {
      kind: this.kinds.length ? this.kinds[0].value : null,
      text: "",
      theme: null,
      commune: this.participantCommune,
      risk: null,
      structure: "",
      sending: false,
      shownCommunes: this.communes,
    };
  },
  computed: {
    kindOptions() {
      return this.kinds.map((kind) => ({ value: kind.value, label: kind.label }));
    },
    current() {
      return this.kinds.find((kind) => kind.value === this.kind) || { textLabel: "", hasRisk: false };
    },
  },
  watch: {
    kinds(value) {
      if (!value.some((kind) => kind.value === this.kind)) this.kind = value.length ? value[0].value : null;
    },
    kind() {
      clearTimeout(this.pause);
      this.ask(); // what is typed may be like others of the newly chosen kind
    },
    text(value) {
      this.keepDraft(value);
      clearTimeout(this.pause);
      this.pause = setTimeout(() => this.ask(), PAUSE_MS);
    },
    participantCommune(value) {
      this.commune = value;
    },
    communes(value) {
      this.shownCommunes = value;
    },
    "outcome.n"() {
      clearTimeout(this.giveUp);
      this.sending = false;
      if (this.outcome.ok) this.reset();
    },
  },
  mounted() {
    // A reload built an empty form: the unsent text comes back from this browser's own storage.
    let draft = null;
    try {
      draft = localStorage.getItem(this.draftKey);
    } catch (e) {} // private browsing may refuse storage: the form works all the same
    if (draft && !this.text) this.text = draft;
  },
  unmounted() {
    clearTimeout(this.pause);
    clearTimeout(this.giveUp);
  },
  methods: {
    send() {
      if (this.sending) return; // one tap, one post (the server also refuses a double within seconds)
      this.sending = true;
      // A pause still counting would ask « Déjà signalé ? » about the text just sent, after the post.
      clearTimeout(this.pause);
      this.asked = `${this.kind}|${this.text || ""}`;
      this.giveUp = setTimeout(() => (this.sending = false), GIVE_UP_MS);
      this.$emit("send", {
        kind: this.kind || "",
        text: this.text || "",
        theme: this.theme || "",
        commune: this.commune || "",
        risk: this.current.hasRisk ? this.risk || "" : "",
        structure: this.current.namesStructure ? this.structure || "" : "",
      });
    },
    reset() {
      // The next post starts blank: not under this one's theme and risk, nor signed with its structure;
      // from the participant's own commune again.
      clearTimeout(this.pause);
      Object.assign(this, { text: "", theme: null, risk: null, structure: "", commune: this.participantCommune });
      this.keepDraft("");
      this.asked = `${this.kind}|`; // the server empties « Déjà signalé ? » itself once a post is stored
    },
    ask() {
      // Only what changed: a phase opening, or a blank form after a post, asks nothing of the server.
      const question = `${this.kind}|${this.text || ""}`;
      if (!this.kind || question === (this.asked ?? `${this.kind}|`)) return;
      this.asked = question;
      this.$emit("typing", { kind: this.kind, text: this.text || "" });
    },
    keepDraft(value) {
      try {
        value ? localStorage.setItem(this.draftKey, value) : localStorage.removeItem(this.draftKey);
      } catch (e) {}
    },
    filter(typed, update) {
      const needle = fold(typed);
      update(() => {
        this.shownCommunes = needle
          ? this.communes.filter((option) => fold(option.label).includes(needle))
          : this.communes;
      });
    },
  },
};
