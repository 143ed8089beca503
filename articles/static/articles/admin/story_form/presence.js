/* Presence: a heartbeat while the form is open (story_tools.presence_view) naming who else has it open,
   and "left" when the tab closes or is hidden. */
"use strict";
{
    const storyForm = window.newsroomStoryForm;
    const { csrfToken } = storyForm;

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

    storyForm.setUpPresence = setUpPresence;
}
