import { busy, errorBox, field, formErrors, h, missing } from "../dom.ts";
import { deviceToken, jmo, saveDeviceToken, saveSession } from "../session.ts";

export function masukView(root: HTMLElement): void {
  const identifier = h("input", { name: "identifier", type: "text", autocomplete: "username", required: true, placeholder: "email atau nomor HP" });
  const password = h("input", { name: "password", type: "password", autocomplete: "current-password", required: true });
  const controls = () => ({ identifier, password });
  const alert = errorBox();
  const errors = formErrors(alert, controls);
  const submit = h("button", { type: "submit" }, "Masuk");
  // novalidate: the browser's own messages would be in the browser's language; the app shows its own, in Indonesian.
  const form = h(
    "form",
    { class: "card", novalidate: true },
    h("h1", {}, "Masuk"),
    h("p", {}, "Masuk ke JMO dengan email atau nomor handphone dan kata sandi kamu."),
    field("Email / Nomor Handphone", identifier),
    field("Kata Sandi", password),
    alert,
    submit,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void busy(submit, errors, async () => {
      const empty = missing(controls());
      if (empty.length) return errors.show(empty);
      const { login } = await jmo.login({ input: { identifier: identifier.value.trim(), password: password.value, deviceToken: deviceToken() } });
      if (login.userErrors.length || !login.accessToken || !login.refreshToken) return errors.show(login.userErrors);
      saveDeviceToken(login.deviceToken);
      saveSession({ accessToken: login.accessToken, refreshToken: login.refreshToken, fullName: login.participant?.fullName ?? "" });
      location.hash = "#/beranda";
    });
  });
  root.append(form);
  identifier.focus();
}
