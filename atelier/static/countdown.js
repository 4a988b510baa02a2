// Step timer: the server sends the end time once (data-ends-at, ms); every page counts down by itself.
// `atelierClockOffset` (set when the page loads) corrects a device whose clock differs from the laptop's.
(() => {
  if (window.atelierCountdown) return;
  window.atelierCountdown = true;
  const two = (n) => String(n).padStart(2, "0");
  const format = (s) => {
    const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
    return h ? `${h}:${two(m)}:${two(r)}` : `${m}:${two(r)}`;
  };
  const tick = () => {
    const now = Date.now() + (window.atelierClockOffset || 0);
    document.querySelectorAll("[data-ends-at]").forEach((el) => {
      const left = Math.max(0, Math.ceil((Number(el.dataset.endsAt) - now) / 1000));
      const text = format(left);
      if (el.textContent !== text) el.textContent = text;
      el.classList.toggle("countdown-over", left === 0);
    });
  };
  setInterval(tick, 500);
})();
