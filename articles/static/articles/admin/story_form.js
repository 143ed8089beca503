/* The story change form in the browser: body word count, confirmations, headline and standfirst
   boxes that grow with live counts, tags typed as words, ordered bylines with a "new contributor"
   form, unsaved changes kept in localStorage and offered back, a warning before leaving with
   unsaved changes, and presence (a heartbeat while the form is open, "left" when the tab closes).
   Loaded from StoryAdmin.Media; no inline script, so it runs under the site's CSP. Plain DOM, no
   framework. The server side of each part is articles/admin/story_tools.py. */
"use strict";
{
    const BLOCKS = "p, h2, h3, li, blockquote, br";
    // Fields a restored draft never brings back: the server's, not the writer's.
    const NOT_DRAFTED = new Set(["csrfmiddlewaretoken", "version"]);

    function countWords(html) {
        // Parsing into an inert document runs no scripts and loads nothing.
        const doc = new DOMParser().parseFromString(html, "text/html");
        // A photo's caption is not the story's text (as richtext.word_count on the server).
        doc.body.querySelectorAll("figure").forEach((figure) => figure.remove());
        // Keep words in neighbouring paragraphs apart.
        for (const element of doc.body.querySelectorAll(BLOCKS)) {
            element.after(" ");
        }
        const text = (doc.body.textContent || "").trim();
        return text ? text.split(/\s+/).length : 0;
    }

    function element(tag, props = {}, ...children) {
        const node = document.createElement(tag);
        for (const [key, value] of Object.entries(props)) {
            if (key === "dataset") {
                Object.assign(node.dataset, value);
            } else if (key in node) {
                node[key] = value;
            } else {
                node.setAttribute(key, value);
            }
        }
        node.append(...children);
        return node;
    }

    function csrfToken(form) {
        const input = form.querySelector("input[name=csrfmiddlewaretoken]");
        return input ? input.value : "";
    }

    // --- Body word count ---------------------------------------------------------------------

    function setUpWordCount() {
        const textarea = document.getElementById("id_body");
        if (!textarea) {
            return;
        }
        const output = element("p", { className: "help story-word-count", id: "id_body_word_count" });
        output.setAttribute("aria-live", "polite");
        const place = () => (textarea.closest(".prose-editor") || textarea).after(output);
        const update = () => {
            const words = countWords(textarea.value);
            output.textContent = words === 1 ? "1 word" : `${words} words`;
        };
        place();
        update();
        // The editor writes its HTML back into the textarea and fires "input" on it.
        textarea.addEventListener("input", update);
        document.addEventListener("prose-editor:ready", () => {
            place();
            update();
        });
    }

    function setUpConfirmations() {
        document.addEventListener("click", (event) => {
            const button = event.target.closest("[data-confirm]");
            if (button && !window.confirm(button.dataset.confirm)) {
                event.preventDefault();
            }
        });
    }

    // --- Text boxes that grow, with live counts ------------------------------------------------

    function setUpGrowingFields() {
        for (const box of document.querySelectorAll("textarea.story-grow")) {
            const aim = Number(box.dataset.countAim);
            const limit = Number(box.getAttribute("maxlength")) || 0;
            const count = element("p", { className: "help story-count", id: `${box.id}_count` });
            count.setAttribute("aria-live", "polite");
            box.setAttribute("aria-describedby", `${box.getAttribute("aria-describedby") || ""} ${count.id}`.trim());
            box.after(count);
            const update = () => {
                box.style.height = "auto";
                box.style.height = `${box.scrollHeight + 2}px`;
                const length = box.value.length;
                let said = `${length} characters; aim for ${aim} or fewer`;
                if (limit) {
                    said += `, limit ${limit}`;
                }
                count.textContent = said;
                count.classList.toggle("story-count-over", length > aim);
            };
            // Enter would put a line break in a headline: the form's other fields are the place to go.
            box.addEventListener("keydown", (event) => {
                if (event.key === "Enter") {
                    event.preventDefault();
                }
            });
            box.addEventListener("input", update);
            window.addEventListener("resize", update);
            update();
        }
    }

    // --- Tags typed as words ------------------------------------------------------------------

    function setUpTags(desk) {
        const input = document.querySelector("input.story-tags");
        if (!input || input.disabled) {
            return;
        }
        input.type = "hidden";
        const chips = element("ul", { className: "story-tag-chips", "aria-label": "Tags on this story" });
        const typing = element("input", {
            type: "text",
            id: "id_tags_typing",
            className: "story-tag-typing",
            autocomplete: "off",
            role: "combobox",
            "aria-autocomplete": "list",
            "aria-expanded": "false",
            "aria-controls": "id_tags_suggestions",
            placeholder: "Type a tag, then Enter or a comma",
        });
        const list = element("ul", { id: "id_tags_suggestions", className: "story-tag-suggestions", role: "listbox" });
        list.hidden = true;
        const box = element("div", { className: "story-tag-box" }, chips, typing, list);
        input.after(box);
        const label = document.querySelector("label[for=id_tags]");
        if (label) {
            label.htmlFor = typing.id;
        }

        const names = () => input.value.split(",").map((name) => name.trim()).filter(Boolean);
        const setNames = (values) => {
            input.value = values.join(", ");
            input.dispatchEvent(new Event("change", { bubbles: true }));
            draw();
        };
        function draw() {
            chips.replaceChildren(
                ...names().map((name) => {
                    const remove = element("button", { type: "button", className: "story-tag-remove" }, "×");
                    remove.setAttribute("aria-label", `Remove tag ${name}`);
                    remove.addEventListener("click", () => setNames(names().filter((other) => other !== name)));
                    return element("li", { className: "story-tag-chip" }, name, remove);
                }),
            );
        }
        function add(text) {
            const current = names();
            for (const part of text.split(",")) {
                const name = part.replace(/\s+/g, " ").trim();
                if (name && !current.some((other) => other.toLowerCase() === name.toLowerCase())) {
                    current.push(name);
                }
            }
            typing.value = "";
            hide();
            setNames(current);
        }
        function hide() {
            list.hidden = true;
            typing.setAttribute("aria-expanded", "false");
            typing.removeAttribute("aria-activedescendant");
        }
        let active = -1;
        function highlight(index) {
            const options = [...list.children];
            active = options.length ? (index + options.length) % options.length : -1;
            options.forEach((option, position) => option.setAttribute("aria-selected", String(position === active)));
            if (active >= 0) {
                typing.setAttribute("aria-activedescendant", options[active].id);
            }
        }
        let asked = 0;
        async function suggest() {
            const term = typing.value.trim();
            const ticket = ++asked;
            if (!term || !desk.dataset.tagsUrl) {
                hide();
                return;
            }
            const response = await fetch(`${desk.dataset.tagsUrl}?q=${encodeURIComponent(term)}`, {
                credentials: "same-origin",
            }).catch(() => null);
            if (!response || !response.ok || ticket !== asked) {
                return;
            }
            const taken = names().map((name) => name.toLowerCase());
            const found = (await response.json()).tags.filter((name) => !taken.includes(name.toLowerCase()));
            list.replaceChildren(
                ...found.map((name, index) => {
                    const option = element("li", { id: `id_tags_option_${index}`, role: "option" }, name);
                    option.addEventListener("mousedown", (event) => {
                        event.preventDefault();
                        add(name);
                        typing.focus();
                    });
                    return option;
                }),
            );
            list.hidden = found.length === 0;
            typing.setAttribute("aria-expanded", String(!list.hidden));
            highlight(-1);
            active = -1;
        }
        let pause = null;
        typing.addEventListener("input", () => {
            window.clearTimeout(pause);
            if (typing.value.includes(",")) {
                add(typing.value);
            } else {
                // Ask once the writer pauses, not on every key.
                pause = window.setTimeout(suggest, 250);
            }
        });
        typing.addEventListener("keydown", (event) => {
            if (event.key === "ArrowDown" && !list.hidden) {
                event.preventDefault();
                highlight(active + 1);
            } else if (event.key === "ArrowUp" && !list.hidden) {
                event.preventDefault();
                highlight(active - 1);
            } else if (event.key === "Enter") {
                // Enter adds the tag; it never submits the form from here.
                event.preventDefault();
                add(active >= 0 && !list.hidden ? list.children[active].textContent : typing.value);
            } else if (event.key === "Escape") {
                hide();
            } else if (event.key === "Backspace" && !typing.value && names().length) {
                setNames(names().slice(0, -1));
            }
        });
        typing.addEventListener("blur", () => {
            if (typing.value.trim()) {
                add(typing.value);
            }
            hide();
        });
        input.addEventListener("newsroom:restored", draw);
        draw();
    }

    // --- Bylines: order with buttons, and a new contributor --------------------------------------

    function bylineRows(group) {
        return [...group.querySelectorAll("tr.form-row")].filter(
            (row) => !row.classList.contains("empty-form") && !row.id.endsWith("-empty"),
        );
    }

    function renumberBylines(group) {
        // Only rows with an author: touching an empty extra row would make the form ask for one.
        const filled = bylineRows(group).filter((row) => row.querySelector("select[name$='-author']")?.value);
        filled.forEach((row, index) => {
            const order = row.querySelector("input[name$='-order']");
            if (order) {
                order.value = String(index);
            }
        });
    }

    function addMoveButtons(group, row) {
        const cell = row.querySelector("td.field-order");
        if (!cell || cell.querySelector(".story-move")) {
            return;
        }
        const move = (step, button) => {
            const rows = bylineRows(group);
            const index = rows.indexOf(row);
            const other = rows[index + step];
            if (!other) {
                return;
            }
            if (step < 0) {
                other.before(row);
            } else {
                other.after(row);
            }
            renumberBylines(group);
            row.closest("form").dispatchEvent(new Event("change", { bubbles: true }));
            button.focus();
        };
        const up = element("button", { type: "button", className: "story-move story-move-up" }, "↑");
        const down = element("button", { type: "button", className: "story-move story-move-down" }, "↓");
        up.setAttribute("aria-label", "Move this byline up");
        down.setAttribute("aria-label", "Move this byline down");
        up.addEventListener("click", () => move(-1, up));
        down.addEventListener("click", () => move(1, down));
        cell.append(element("span", { className: "story-move-buttons" }, up, down));
    }

    function chooseAuthor(select, id, text) {
        let option = [...select.options].find((candidate) => candidate.value === String(id));
        if (!option) {
            option = new Option(text, String(id), true, true);
            select.append(option);
        }
        select.value = String(id);
        if (window.django && window.django.jQuery) {
            window.django.jQuery(select).trigger("change");
        } else {
            select.dispatchEvent(new Event("change", { bubbles: true }));
        }
    }

    function emptyBylineSelect(group) {
        const rows = bylineRows(group);
        for (const row of rows) {
            const select = row.querySelector("select[name$='-author']");
            if (select && !select.value) {
                return select;
            }
        }
        const addLink = group.querySelector(".add-row a");
        if (!addLink) {
            return null;
        }
        addLink.click();
        const last = bylineRows(group).pop();
        return last ? last.querySelector("select[name$='-author']") : null;
    }

    function setUpBylines(desk, form) {
        const group = document.getElementById("bylines-group");
        if (!group) {
            return;
        }
        for (const row of bylineRows(group)) {
            addMoveButtons(group, row);
        }
        document.addEventListener("formset:added", (event) => {
            if (event.detail && event.detail.formsetName === "bylines") {
                addMoveButtons(group, event.target);
                renumberBylines(group);
            }
        });
        form.addEventListener("submit", () => renumberBylines(group));
        if (!desk.dataset.contributorUrl || !group.querySelector(".add-row, tr.form-row select")) {
            return;
        }
        // A new outside contributor, without leaving the form.
        const name = element("input", { type: "text", id: "id_contributor_name", maxLength: 120 });
        const affiliation = element("input", { type: "text", id: "id_contributor_affiliation", maxLength: 200 });
        const message = element("p", { className: "story-contributor-message", role: "status" });
        const create = element("button", { type: "button", className: "button" }, "Add as byline");
        const panel = element(
            "div",
            { className: "story-contributor", id: "story-contributor" },
            element("p", { className: "story-contributor-title" }, "New outside contributor"),
            element("label", { htmlFor: name.id }, "Name"),
            name,
            element("label", { htmlFor: affiliation.id }, "Affiliation (optional: agency or paper)"),
            affiliation,
            create,
            message,
        );
        panel.hidden = true;
        const open = element("button", { type: "button", className: "button story-contributor-open" }, "New contributor…");
        open.setAttribute("aria-expanded", "false");
        open.setAttribute("aria-controls", panel.id);
        open.addEventListener("click", () => {
            panel.hidden = !panel.hidden;
            open.setAttribute("aria-expanded", String(!panel.hidden));
            if (!panel.hidden) {
                name.focus();
            }
        });
        for (const field of [name, affiliation]) {
            field.addEventListener("keydown", (event) => {
                if (event.key === "Enter") {
                    event.preventDefault();
                    create.click();
                }
            });
        }
        create.addEventListener("click", async () => {
            const body = new FormData();
            body.append("name", name.value);
            body.append("affiliation", affiliation.value);
            message.textContent = "Adding…";
            const response = await fetch(desk.dataset.contributorUrl, {
                method: "POST",
                body,
                credentials: "same-origin",
                headers: { "X-CSRFToken": csrfToken(form) },
            }).catch(() => null);
            if (!response) {
                message.textContent = "The server could not be reached. Nothing was added; try again.";
                return;
            }
            const answer = await response.json().catch(() => ({}));
            if (!response.ok) {
                const errors = answer.errors ? Object.values(answer.errors).flat() : [];
                message.textContent = errors.join(" ") || "You cannot add contributors.";
                return;
            }
            const select = emptyBylineSelect(group);
            if (select) {
                chooseAuthor(select, answer.id, answer.text);
                renumberBylines(group);
            }
            message.textContent = `${answer.text} added as a byline. Save the story to keep it.`;
            name.value = "";
            affiliation.value = "";
        });
        group.append(element("div", { className: "story-contributor-row" }, open, panel));
    }

    // --- Nothing lost: unsaved changes in localStorage, and a warning before leaving -------------

    function snapshot(form) {
        const fields = [];
        for (const field of form.elements) {
            if (!field.name || NOT_DRAFTED.has(field.name) || field.name.includes("__prefix__")) {
                continue;
            }
            if (field.type === "file" || field.type === "submit" || field.type === "button") {
                continue;
            }
            if ((field.type === "checkbox" || field.type === "radio") && !field.checked) {
                continue;
            }
            if (field.tagName === "SELECT") {
                for (const option of field.selectedOptions) {
                    fields.push([field.name, option.value, option.textContent]);
                }
            } else {
                fields.push([field.name, field.value]);
            }
        }
        return fields;
    }

    function sameFields(a, b) {
        const key = (fields) => JSON.stringify(fields.map(([name, value]) => [name, value]));
        return key(a) === key(b);
    }

    function fieldValue(fields, name) {
        const found = fields.find(([field]) => field === name);
        return found ? found[1] : "";
    }

    function plainText(html) {
        const doc = new DOMParser().parseFromString(html || "", "text/html");
        for (const node of doc.body.querySelectorAll(BLOCKS)) {
            node.after("\n");
        }
        return (doc.body.textContent || "").trim();
    }

    function restoreBody(html, editorRef) {
        const textarea = document.getElementById("id_body");
        if (!textarea) {
            return;
        }
        textarea.value = html;
        // The body editor may listen for this and load the HTML itself (it calls preventDefault).
        const event = new CustomEvent("newsroom:body-restore", { detail: html, cancelable: true, bubbles: true });
        const handled = !textarea.dispatchEvent(event);
        if (!handled && editorRef.editor && editorRef.editor.commands) {
            editorRef.editor.commands.setContent(html);
            textarea.value = html;
        }
        textarea.dispatchEvent(new Event("input", { bubbles: true }));
    }

    function restoreFields(form, fields, editorRef) {
        const byName = new Map();
        for (const [name, value, label] of fields) {
            if (!byName.has(name)) {
                byName.set(name, []);
            }
            byName.get(name).push({ value, label });
        }
        for (const [name, values] of byName) {
            if (name === "body") {
                restoreBody(values[0].value, editorRef);
                continue;
            }
            let field = form.elements.namedItem(name);
            const row = /^(\w+)-(\d+)-/.exec(name);
            if (!field && row) {
                // An inline row the draft had and the page has not yet: add rows until it exists.
                const addLink = document.querySelector(`#${row[1]}-group .add-row a`);
                for (let tries = 0; addLink && !form.elements.namedItem(name) && tries < 20; tries++) {
                    addLink.click();
                }
                field = form.elements.namedItem(name);
            }
            if (!field || name.endsWith("TOTAL_FORMS") || name.endsWith("INITIAL_FORMS")) {
                continue;
            }
            if (field instanceof RadioNodeList) {
                for (const choice of field) {
                    choice.checked = values.some(({ value }) => value === choice.value);
                }
            } else if (field.tagName === "SELECT") {
                for (const { value, label } of values) {
                    if (![...field.options].some((option) => option.value === value)) {
                        field.append(new Option(label || value, value));
                    }
                }
                for (const option of field.options) {
                    option.selected = values.some(({ value }) => value === option.value);
                }
                if (window.django && window.django.jQuery) {
                    window.django.jQuery(field).trigger("change");
                }
            } else if (field.type === "checkbox") {
                field.checked = true;
            } else {
                field.value = values[0].value;
                field.dispatchEvent(new Event("input", { bubbles: true }));
            }
            field.dispatchEvent?.(new CustomEvent("newsroom:restored"));
        }
        // Boxes ticked now but not in the draft were unticked in it.
        for (const box of form.querySelectorAll("input[type=checkbox]")) {
            if (box.name && !byName.has(box.name) && !box.name.includes("__prefix__")) {
                box.checked = false;
            }
        }
    }

    function setUpDrafts(desk, form, editorRef) {
        if (desk.dataset.canEdit !== "true" || !window.localStorage) {
            return () => {};
        }
        const key = `newsroom:story-draft:${desk.dataset.user}:${desk.dataset.story}`;
        const version = Number(desk.dataset.version) || 0;
        const restoreBox = document.getElementById("story-restore");
        const hasErrors = Boolean(document.querySelector(".errornote"));
        const pending = sessionStorage.getItem("newsroom:story-saving");
        sessionStorage.removeItem("newsroom:story-saving");
        if (pending && !hasErrors) {
            // The page after a save, with no errors: the draft it carried is saved now.
            localStorage.removeItem(pending);
        }
        let dirty = false;
        let loaded = snapshot(form);
        const read = () => {
            try {
                return JSON.parse(localStorage.getItem(key) || "null");
            } catch {
                return null;
            }
        };
        let timer = null;
        const store = () => {
            timer = null;
            const fields = snapshot(form);
            if (sameFields(fields, loaded)) {
                return;
            }
            try {
                localStorage.setItem(key, JSON.stringify({ savedAt: new Date().toISOString(), version, fields }));
            } catch {
                // A full or blocked storage: the warning before leaving still guards the work.
            }
        };
        const changed = () => {
            dirty = true;
            if (timer === null) {
                timer = window.setTimeout(store, 500);
            }
        };
        form.addEventListener("input", changed);
        form.addEventListener("change", changed);
        window.addEventListener("beforeunload", (event) => {
            if (timer !== null) {
                window.clearTimeout(timer);
                store();
            }
            if (dirty && !sameFields(snapshot(form), loaded)) {
                event.preventDefault();
                event.returnValue = "";
            }
        });
        form.addEventListener("submit", (event) => {
            const submitter = event.submitter;
            if (submitter && submitter.formTarget === "_blank") {
                return; // Preview opens a new tab; this page stays, unsaved.
            }
            if (timer !== null) {
                window.clearTimeout(timer);
                store();
            }
            dirty = false;
            sessionStorage.setItem("newsroom:story-saving", key);
        });

        const draft = read();
        if (!draft || !restoreBox || hasErrors) {
            return () => dirty;
        }
        if (sameFields(draft.fields, loaded)) {
            localStorage.removeItem(key);
            return () => dirty;
        }
        const when = new Date(draft.savedAt);
        const time = when.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
        const day = when.toDateString() === new Date().toDateString() ? "" : ` on ${when.toLocaleDateString()}`;
        const restore = element("button", { type: "button", className: "button story-restore-yes" });
        const discard = element("button", { type: "button", className: "button story-restore-no" }, "Discard them");
        discard.addEventListener("click", () => {
            localStorage.removeItem(key);
            restoreBox.hidden = true;
        });
        restore.addEventListener("click", () => {
            restoreFields(form, draft.fields, editorRef);
            restoreBox.hidden = true;
            dirty = true;
            store();
        });
        const newer = draft.version < version;
        if (!newer) {
            restore.textContent = "Restore";
            restoreBox.append(
                element("p", {}, element("strong", {}, `Restore your unsaved changes from ${time}${day}?`)),
                element("p", { className: "help" }, "They were kept in this browser when the page was left unsaved."),
                restore,
                discard,
            );
        } else {
            restore.textContent = "Restore mine anyway";
            const column = (title, fields, current) =>
                element(
                    "div",
                    { className: "story-restore-column" },
                    element("h3", {}, title),
                    element("p", { className: "story-conflict-label" }, "Headline"),
                    element("p", {}, fieldValue(fields, "headline") || "—"),
                    element("p", { className: "story-conflict-label" }, "Standfirst"),
                    element("p", {}, fieldValue(fields, "standfirst") || "—"),
                    element("p", { className: "story-conflict-label" }, "Body"),
                    element("div", { className: "story-text" }, plainText(current ? document.getElementById("id_body")?.value : fieldValue(fields, "body"))),
                );
            restoreBox.classList.add("story-restore-newer");
            restoreBox.append(
                element(
                    "p",
                    {},
                    element("strong", {}, `You have unsaved changes from ${time}${day}, but this story was saved again since.`),
                ),
                element(
                    "p",
                    { className: "help" },
                    "Your changes were made to an older version. Compare the two before restoring: restoring puts your text in the form in place of the newer saved one.",
                ),
                element(
                    "div",
                    { className: "story-conflict-columns" },
                    column("Saved now", loaded, true),
                    column(`Your unsaved changes (${time})`, draft.fields, false),
                ),
                restore,
                discard,
            );
        }
        restoreBox.hidden = false;
        return () => dirty;
    }

    // --- Presence ----------------------------------------------------------------------------------

    function setUpPresence(desk, form) {
        const url = desk.dataset.presenceUrl;
        const box = document.getElementById("story-presence");
        if (!url || !box) {
            return;
        }
        const seconds = Number(desk.dataset.heartbeatSeconds) || 20;
        const names = box.querySelector(".story-presence-names");
        const payload = (left) => {
            const body = new FormData();
            body.append("csrfmiddlewaretoken", csrfToken(form));
            if (left) {
                body.append("left", "1");
            }
            return body;
        };
        const beat = async () => {
            const response = await fetch(url, {
                method: "POST",
                body: payload(false),
                credentials: "same-origin",
            }).catch(() => null);
            if (!response || !response.ok) {
                return;
            }
            const { others } = await response.json();
            names.textContent = others.map(({ name, ago }) => `${name} (${ago})`).join(", ");
            box.hidden = others.length === 0;
        };
        let timer = window.setInterval(beat, seconds * 1000);
        // Saving comes straight back to this form, which records the visit again: no "left" then.
        let saving = false;
        form.addEventListener("submit", (event) => {
            saving = !(event.submitter && event.submitter.formTarget === "_blank");
        });
        const leave = () => saving || navigator.sendBeacon(url, payload(true));
        window.addEventListener("pagehide", leave);
        document.addEventListener("visibilitychange", () => {
            if (document.visibilityState === "hidden") {
                window.clearInterval(timer);
                leave();
            } else {
                beat();
                timer = window.setInterval(beat, seconds * 1000);
            }
        });
    }

    // Listened for at once: the editor may be ready before DOMContentLoaded.
    const editorRef = { editor: null };
    document.addEventListener("prose-editor:ready", (event) => {
        if (event.detail && event.detail.textarea && event.detail.textarea.id === "id_body") {
            editorRef.editor = event.detail.editor;
        }
    });

    function ready() {
        setUpWordCount();
        setUpConfirmations();
        setUpGrowingFields();
        const desk = document.getElementById("story-desk");
        const form = document.getElementById("story_form");
        if (!desk || !form) {
            return;
        }
        setUpTags(desk);
        setUpBylines(desk, form);
        setUpPresence(desk, form);
        setUpDrafts(desk, form, editorRef);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", ready);
    } else {
        ready();
    }
}
