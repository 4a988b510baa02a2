// A date as a French reader writes it, « 14/11/2025 », whatever the browser's own language (a
// browser's date field follows its settings: « 11/14/2025 » on an English laptop). Typed, or picked
// in a calendar of French months that starts on Monday. The server gets an ISO date (« 2025-11-14 »)
// once a whole date is there and the field is left or a day picked, or "" once it is cleared.
const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
  "novembre", "décembre"];
const DAYS = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];
const LOCALE = {
  days: DAYS, daysShort: DAYS.map((d) => d.slice(0, 3) + "."), months: MONTHS,
  monthsShort: MONTHS.map((m) => (m.length > 4 ? m.slice(0, 4) + "." : m)), firstDayOfWeek: 1, format24h: true,
};

function iso(french) {
  const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(french || "");
  if (!match) return null;
  const [, day, month, year] = match;
  const date = new Date(`${year}-${month}-${day}T12:00:00Z`);
  return !isNaN(date) && date.getUTCDate() === +day && date.getUTCMonth() + 1 === +month ? `${year}-${month}-${day}` : null;
}

function french(value) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || "");
  return match ? `${match[3]}/${match[2]}/${match[1]}` : "";
}

export default {
  template: `
    <q-input v-model="typed" :label="label" mask="##/##/####" :placeholder="placeholder" outlined dense stack-label
             :error="wrong" :error-message="labels.wrong" hide-bottom-space @focusout="commit" @keyup.enter="commit">
      <template v-slot:append>
        <q-btn flat round dense icon="event" :aria-label="labels.calendar" :title="labels.calendar">
          <q-popup-proxy ref="popup" cover transition-show="scale" transition-hide="scale">
            <q-date :model-value="value || null" mask="YYYY-MM-DD" :locale="locale" today-btn
                    @update:model-value="picked" />
          </q-popup-proxy>
        </q-btn>
      </template>
    </q-input>`,
  props: {
    value: String, // ISO, or ""
    label: String,
    placeholder: String,
    labels: Object, // {calendar, wrong}
  },
  emits: ["change"],
  data() {
    return { typed: french(this.value), wrong: false, locale: LOCALE };
  },
  watch: {
    value(now) {
      this.typed = french(now);
      this.wrong = false;
    },
  },
  methods: {
    commit() {
      if (!this.typed) return this.send("");
      const value = iso(this.typed);
      this.wrong = value === null; // « 31/02/2025 »: said under the field, nothing sent
      if (value !== null) this.send(value);
    },
    picked(value) {
      this.$refs.popup.hide();
      this.typed = french(value || "");
      this.send(value || "");
    },
    send(value) {
      if (value !== (this.value || "")) this.$emit("change", value);
    },
  },
};
