/** The activity, before any question: what, when, where, the price with kanspas, and how to get in. */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { bringList, btn, date, heading, money, whenWhere } from '../ui.js';
import type { InstapRegistration } from './registration.js';

const drawDate = (r: InstapRegistration) => {
  const g = r.data!.registration;
  return date(r.m, g.drawAt ?? g.closesAt ?? g.opensAt);
};

/** The activity, before any question: what, when, where, the price with kanspas, and how to get in. */
export function activityCard(r: InstapRegistration) {
  const a = r.data!;
  const m = r.m;
  const { phase, closesAt } = a.registration;
  const std = a.price.nowStandardCents;
  const kp = a.price.nowKanspasCents;
  const full = a.placesLeft <= 0;
  // placesLeft counts the reserved places too: say how many are for everyone, and how many are kept.
  const general = a.placesLeft - a.reservedPlacesLeft;
  const reserved = a.reservedPlacesLeft > 0 ? html`<p>${m.reservedLeft(a.reservedPlacesLeft)}</p>` : nothing;
  const closes = closesAt ? html`<p>${m.closesAtText(date(m, closesAt))}</p>` : nothing;
  const how: TemplateResult =
    phase === 'first-come'
      ? html`${full ? html`<p>${m.fullText}</p>` : general > 0 ? html`<p>${m.placesLeftText(general)}</p>${reserved}` : html`${reserved}<p>${m.othersWaitlist}</p>`}
          <p>${m.firstCome}</p>
          ${closes}`
      : phase === 'lottery'
        ? html`<p>${m.lotteryText(drawDate(r))}</p>
            <p>${m.lotteryFair}</p>
            ${closes} ${reserved}`
        : // Not open, closed, or waiting for the draw: in the interest chunk.
          r.late((c, x) => c.closedHow(r, x, reserved));

  return html`${r.canRegister ? html`<p class="caption">${m.stepText(1, 5)}</p>` : nothing}
    ${heading(a.title, a.language)} ${a.summary ? html`<p lang=${a.language} dir="auto">${a.summary}</p>` : nothing}
    ${a.ageMin != null || a.ageMax != null ? html`<p>${m.agesText(a.ageMin, a.ageMax)}</p>` : nothing} ${whenWhere(m, a)}
    <h3>${m.cost}</h3>
    <div class="box">
      ${std === 0
        ? html`<p>${m.free}</p>`
        : html`<p><strong>${m.perChild(money(m, std))}</strong></p>
            ${kp < std ? html`<p><strong>${m.kanspasPrice(money(m, kp), money(m, std))}</strong></p>` : nothing}`}
      ${a.sessionsToCome > 0 && a.sessionsToCome < a.sessions.length ? html`<p>${m.seriesStarted(a.sessionsToCome)}</p>` : nothing}
    </div>
    <h3>${m.howText}</h3>
    ${how} ${bringList(m, a)}
    ${r.canRegister
      ? btn(phase === 'first-come' && full ? m.startWaitlist : m.startText, () => r.go('children'), 'primary')
      : nothing}`;
}

