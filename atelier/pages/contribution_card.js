// One contribution as a list shows it (a phone's own, someone else's to share, a console row), drawn
// by the browser from its properties: a post costs the server one element per list, not a card of
// labels and buttons. Texts are shown with {{ }} (as text, never as HTML). A button asks the server
// (`action`, with its key); the server decides and sends the card's new properties.
export default {
  template: `
    <div :class="['card-body', side ? 'card-side' : '']">
      <div class="card-words">
        <div v-if="title" class="card-title">{{ title }}</div>
        <div :class="['participant-text', textClass]">{{ text }}</div>
        <div v-if="meta" class="meta">{{ meta }}</div>
      </div>
      <div v-if="buttons.length" class="card-buttons">
        <q-btn v-for="button in buttons" :key="button.key" :label="button.label" no-caps
               :outline="!button.filled" :unelevated="button.filled" :color="button.color || 'primary'"
               @click="$emit('action', button.key)" />
      </div>
    </div>`,
  props: {
    title: String,
    text: String,
    meta: String,
    textClass: String,
    buttons: Array, // [{key, label, filled, color}]
    side: Boolean, // buttons beside the words (the console), not under them (a phone)
  },
  emits: ["action"],
};
