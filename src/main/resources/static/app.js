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

    // <form data-upload-progress> (a file upload) is sent in the background so its <progress> shows how much has gone up;
    // then the browser goes where the server's answer ended (the import's preview), or shows the answer (an error page).
    document.addEventListener('submit', function (event) {
        var form = event.target;
        if (event.defaultPrevented || !form.hasAttribute || !form.hasAttribute('data-upload-progress') || !window.FormData) {
            return;
        }
        event.preventDefault();
        var bar = form.querySelector('progress');
        var button = form.querySelector('button[type=submit]');
        if (button) {
            button.disabled = true;
        }
        if (bar) {
            bar.classList.remove('d-none');
            bar.value = 0;
        }
        var request = new XMLHttpRequest();
        request.open('POST', form.action);
        request.upload.addEventListener('progress', function (progress) {
            if (bar && progress.lengthComputable) {
                bar.value = Math.round(100 * progress.loaded / progress.total);
            }
        });
        request.addEventListener('load', function () {
            if (request.status < 400 && request.responseURL) {
                window.location.assign(request.responseURL);
                return;
            }
            document.open();
            document.write(request.responseText);
            document.close();
        });
        request.addEventListener('error', function () {
            if (button) {
                button.disabled = false;
            }
            window.alert('The upload did not reach Pathary; try again.');
        });
        request.send(new FormData(form));
    });

    // <button data-busy-text="Working…"> says so and cannot be pressed twice while its form is sent.
    document.addEventListener('submit', function (event) {
        var button = event.submitter;
        if (event.defaultPrevented || !button || !button.getAttribute || !button.getAttribute('data-busy-text')) {
            return;
        }
        window.setTimeout(function () {
            button.disabled = true;
            button.textContent = button.getAttribute('data-busy-text');
        }, 0);
    });

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
