/* Bylines in order: up and down buttons that renumber the rows, and "New contributor…", which makes an
   outside writer (story_tools.contributor_view) and puts them in the next empty byline. */
"use strict";
{
    const storyForm = window.newsroomStoryForm;
    const { element, csrfToken } = storyForm;

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

    storyForm.setUpBylines = setUpBylines;
}
