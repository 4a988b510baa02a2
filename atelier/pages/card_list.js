// A short list of contributions with a title and a hint (« Déjà signalé ? », « Ce que signalent les
// autres »), drawn by the browser from its properties: a new answer or a page more costs the server
// one property, not a card of labels and buttons per contribution. Texts are shown with {{ }} (as
// text, never as HTML). A button asks the server (`action`: the contribution's id and the button's key).
export default {
  template: `
    <div class="card-list">
      <div v-if="title" class="card-title">{{ title }}</div>
      <div v-if="hint" class="hint">{{ hint }}</div>
      <div v-for="item in items" :key="item.id" :class="['item', item.kind]">
        <div class="participant-text">{{ item.text }}</div>
        <div v-if="item.meta" class="meta">{{ item.meta }}</div>
        <div v-if="item.buttons.length" class="card-buttons">
          <q-btn v-for="button in item.buttons" :key="button.key" :label="button.label" no-caps
                 :outline="!button.filled" :unelevated="button.filled" :color="button.color || 'primary'"
                 @click="$emit('action', { id: item.id, key: button.key })" />
        </div>
      </div>
    </div>`,
  props: {
    title: String,
    hint: String,
    items: Array, // [{id, kind, text, meta, buttons: [{key, label, filled, color}]}]
  },
  emits: ["action"],
};
