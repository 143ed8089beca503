/* Nothing lost: the form's unsaved changes kept in this browser's localStorage and offered back when
   the story is opened again (beside the newer saved version, when there is one), and a warning before
   leaving with unsaved changes. Preview (a submit into a new tab) leaves the form as it is. */
"use strict";
{
    const storyForm = window.newsroomStoryForm;
    const { BLOCKS, element } = storyForm;
    // Fields a restored draft never brings back: the server's, not the writer's.
    const NOT_DRAFTED = new Set(["csrfmiddlewaretoken", "version"]);

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

    storyForm.setUpDrafts = setUpDrafts;
}
