// Pathary's few page behaviours, kept out of the HTML so the Content-Security-Policy can forbid inline script.
(function () {
    'use strict';

    // <form data-confirm="Question?"> (or the <button data-confirm> that sends it) asks before it is sent; data-confirm-if-checked names a checkbox of the form
    // whose being ticked adds data-confirm-extra to the question.
    document.addEventListener('submit', function (event) {
        var form = event.target;
        var button = event.submitter;
        var question = (button && button.getAttribute && button.getAttribute('data-confirm'))
            || (form.getAttribute && form.getAttribute('data-confirm'));
        if (!question) {
            return;
        }
        var box = form.getAttribute('data-confirm-if-checked');
        if (box && form.elements[box] && form.elements[box].checked) {
            question += form.getAttribute('data-confirm-extra') || '';
        }
        if (!window.confirm(question)) {
            event.preventDefault();
            event.stopImmediatePropagation();
        }
    }, true);

    // <input data-submit-on-change> sends its form as soon as it changes (the on/off switches).
    document.addEventListener('change', function (event) {
        var field = event.target;
        if (field.hasAttribute && field.hasAttribute('data-submit-on-change') && field.form) {
            field.form.submit();
        }
    });

    // <div class="progress-bar" data-progress="42"> gets its width from script (style attributes are refused by the CSP).
    function showProgress(root) {
        var bars = root.querySelectorAll ? Array.prototype.slice.call(root.querySelectorAll('[data-progress]')) : [];
        if (root.matches && root.matches('[data-progress]')) {
            bars.push(root);
        }
        bars.forEach(function (bar) {
            var percent = Math.max(0, Math.min(100, Number(bar.getAttribute('data-progress')) || 0));
            bar.style.width = percent + '%';
        });
    }
    showProgress(document);
    document.addEventListener('htmx:load', function (event) {
        showProgress(event.detail.elt);
    });
})();
