// annals: reading a note in place. Without this script a note marker is a plain link to
// the note at the end of the page, and the note links back; with it, the marker shows the
// note where the reader is.
//
// The pattern is a tooltip (role="tooltip", referenced by the marker's aria-describedby):
// the marker stays a link with its own name ("Note 3"), focus never moves, and a screen
// reader reads the note as the link's description when the marker is focused. A tooltip
// must not trap anything the reader needs to reach: the links of a note stay reachable in
// the list of notes, where the marker leads. For the pointer it is hoverable (the pointer
// may move onto it), dismissable (Escape) and persistent (it stays until the pointer or
// focus leaves), as WCAG 1.4.13 asks. A tap on a touch screen shows it; a second tap on
// the same marker follows the link.
//
// With `[notes] display = "side"` in site.toml (body class notes-side), wide screens show
// every note in the margin beside its marker instead, as Tufte CSS does.
(function () {
  'use strict';
  var markers = document.querySelectorAll('sup.note-ref > a[href^="#fn-"]');
  if (!markers.length) return;
  var wide = window.matchMedia('(min-width: 72rem)');
  var sideMode = document.body.classList.contains('notes-side');
  var popover = document.createElement('div');
  popover.id = 'note-popover';
  popover.className = 'note-popover';
  popover.setAttribute('role', 'tooltip');
  popover.hidden = true;
  // Inside the main landmark, where the notes belong, not loose in the page.
  (document.querySelector('main') || document.body).appendChild(popover);
  var current = null;
  var hideTimer = 0;
  var lastPointer = 'mouse';
  // Whether the marker a touch began on already showed its note. A tap also fires the
  // mouse's and focus's events before its click, and they show the note: the click alone
  // cannot tell a first tap from a second.
  var shownBeforeTap = false;

  // The note's words, without its back links and with no id repeated.
  function noteContent(link) {
    var note = document.getElementById(link.getAttribute('href').slice(1));
    var fragment = document.createDocumentFragment();
    if (!note) return fragment;
    Array.prototype.forEach.call(note.children, function (child) {
      if (child.matches('.backref, .backrefs, .note-flag')) return;
      var copy = child.cloneNode(true);
      copy.removeAttribute('id');
      copy.querySelectorAll('[id]').forEach(function (e) { e.removeAttribute('id'); });
      fragment.appendChild(copy);
    });
    return fragment;
  }

  function sideNotesShown() { return sideMode && wide.matches; }

  function show(link) {
    if (sideNotesShown()) return;
    clearTimeout(hideTimer);
    if (current === link && !popover.hidden) return;
    if (current) current.removeAttribute('aria-describedby');
    current = link;
    popover.replaceChildren(noteContent(link));
    var label = document.createElement('p');
    label.className = 'note-popover-number';
    label.textContent = link.textContent + '.';
    popover.prepend(label);
    link.setAttribute('aria-describedby', popover.id);
    popover.hidden = false;
    place(link);
  }

  function place(link) {
    var rect = link.getBoundingClientRect();
    var width = popover.offsetWidth;
    var left = Math.min(Math.max(8, rect.left + window.scrollX - width / 2),
      window.scrollX + document.documentElement.clientWidth - width - 8);
    popover.style.left = Math.max(8, left) + 'px';
    var below = rect.bottom + window.scrollY + 6;
    var above = rect.top + window.scrollY - popover.offsetHeight - 6;
    var fits = rect.bottom + popover.offsetHeight + 12 < window.innerHeight;
    popover.style.top = (fits || above < window.scrollY ? below : above) + 'px';
  }

  function hide() {
    clearTimeout(hideTimer);
    popover.hidden = true;
    if (current) current.removeAttribute('aria-describedby');
    current = null;
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 250);
  }

  markers.forEach(function (link) {
    link.addEventListener('mouseenter', function () { show(link); });
    link.addEventListener('mouseleave', hideSoon);
    link.addEventListener('focus', function () { show(link); });
    link.addEventListener('blur', hideSoon);
    link.addEventListener('pointerdown', function (event) {
      lastPointer = event.pointerType;
      shownBeforeTap = current === link && !popover.hidden;
    });
    link.addEventListener('click', function (event) {
      // A tap shows the note; a second tap on the same marker follows the link.
      if (lastPointer !== 'touch' || sideNotesShown()) return;
      if (shownBeforeTap) return;
      event.preventDefault();
      show(link);
    });
  });
  popover.addEventListener('mouseenter', function () { clearTimeout(hideTimer); });
  popover.addEventListener('mouseleave', hideSoon);
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && !popover.hidden) hide();
  });
  document.addEventListener('pointerdown', function (event) {
    if (popover.hidden || popover.contains(event.target)) return;
    if (current && current.contains(event.target)) return;
    hide();
  });
  window.addEventListener('resize', function () { if (current) place(current); });

  // Side notes: each note once, beside its first marker, pushed down so none overlap.
  // They repeat the list of notes, so assistive technology is pointed at them only as
  // each marker's description.
  var sideNotes = [];
  function layoutSideNotes() {
    sideNotes.forEach(function (n) { n.remove(); });
    sideNotes = [];
    markers.forEach(function (link) { link.removeAttribute('aria-describedby'); });
    if (!sideNotesShown()) return;
    hide();
    var body = document.querySelector('.document-body');
    if (!body) return;
    var origin = body.getBoundingClientRect().top;
    var bottom = 0;
    var seen = {};
    markers.forEach(function (link) {
      var target = link.getAttribute('href');
      if (seen[target]) return;
      seen[target] = true;
      var aside = document.createElement('aside');
      aside.className = 'sidenote';
      aside.id = 'sidenote-' + target.slice(1);
      aside.setAttribute('aria-hidden', 'true');
      var number = document.createElement('span');
      number.className = 'sidenote-number';
      number.textContent = link.textContent + '. ';
      aside.appendChild(number);
      aside.appendChild(noteContent(link));
      // Hidden from assistive technology (the list of notes holds the same), so its links
      // are kept out of the keyboard's way too; the pointer can still follow them.
      aside.querySelectorAll('a, button, input, select, textarea, [tabindex]').forEach(function (e) {
        e.setAttribute('tabindex', '-1');
      });
      body.appendChild(aside);
      var top = Math.max(link.getBoundingClientRect().top - origin, bottom);
      aside.style.top = top + 'px';
      bottom = top + aside.offsetHeight + 12;
      link.setAttribute('aria-describedby', aside.id);
      sideNotes.push(aside);
    });
  }
  if (sideMode) {
    layoutSideNotes();
    wide.addEventListener('change', layoutSideNotes);
    window.addEventListener('load', layoutSideNotes);
  }
})();
