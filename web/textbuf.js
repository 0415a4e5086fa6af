// The report text behind the textarea. Chromium needs about 4 µs per
// character to lay out a textarea (9 s for a 5 MB paste on a 2-core machine),
// so a text longer than LARGE is kept here whole and the textarea shows a
// window of WINDOW characters of it; edits in the window go back into the
// whole, and selecting a finding outside the window moves the window.
// Offsets are UTF-16 indices into the whole text, as the module gives them.
'use strict';

window.NB = window.NB || {};

NB.textbuf = (function () {
  const LARGE = 200000;
  const WINDOW = 60000;
  let input = null;
  let before = '';   // the whole text before the window (large mode only)
  let after = '';    // and after it
  let large = false;
  let onMode = () => {};

  function attach(textarea, modeChanged) {
    input = textarea;
    onMode = modeChanged;
  }

  function get() {
    return large ? before + input.value + after : input.value;
  }

  // Never cut a surrogate pair.
  function cut(text, i) {
    const c = text.charCodeAt(i);
    return i > 0 && i < text.length && c >= 0xdc00 && c <= 0xdfff ? i - 1 : i;
  }

  // Shows the window of `text` that starts near `at`.
  function show(text, at) {
    const start = cut(text, Math.max(0, Math.min(at, text.length - WINDOW)));
    const end = cut(text, Math.min(text.length, start + WINDOW));
    before = text.slice(0, start);
    after = text.slice(end);
    input.value = text.slice(start, end);
  }

  function setMode(next) {
    if (next === large) return;
    large = next;
    input.classList.toggle('windowed', large);
    onMode(large);
  }

  // Replaces the whole text; the caret goes to the start.
  function set(text) {
    if (text.length > LARGE) {
      setMode(true);
      show(text, 0);
    } else {
      before = after = '';
      setMode(false);
      input.value = text;
    }
    input.setSelectionRange(0, 0);
    input.scrollTop = 0;
  }

  // Puts `text` in place of the selection (a paste), keeping the caret after it.
  function insert(text) {
    const whole = get();
    const start = before.length + input.selectionStart;
    const end = before.length + input.selectionEnd;
    if (!large && whole.length - (end - start) + text.length <= LARGE) {
      input.setRangeText(text, input.selectionStart, input.selectionEnd, 'end');
      return;
    }
    const next = whole.slice(0, start) + text + whole.slice(end);
    set(next);
    if (large) select(start + text.length, start + text.length);
  }

  // After typing: a text that shrank below the limit is shown whole again.
  function edited() {
    if (large && before.length + input.value.length + after.length <= LARGE / 2) {
      const whole = get();
      const caret = before.length + input.selectionStart;
      set(whole);
      input.setSelectionRange(caret, caret);
    }
  }

  // Selects [start, end) of the whole text; returns the offset of `start` in the textarea.
  function select(start, end) {
    if (large && (start < before.length || end > before.length + input.value.length)) {
      show(get(), Math.max(0, start - WINDOW / 3));
    }
    const shift = large ? before.length : 0;
    input.setSelectionRange(start - shift, end - shift);
    return start - shift;
  }

  // [first, last) of the whole text that the textarea shows.
  function shown() {
    return [before.length, before.length + input.value.length, get().length];
  }

  return { LARGE, attach, get, set, insert, edited, select, shown, isLarge: () => large };
})();
