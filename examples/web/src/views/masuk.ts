import { busy, errorBox, field, h } from "../dom.ts";
import { deviceToken, jmo, messagesOf, saveDeviceToken, saveSession } from "../session.ts";

export function masukView(root: HTMLElement): void {
  const identifier = h("input", { name: "identifier", type: "text", autocomplete: "username", required: true, placeholder: "email atau nomor HP" });
  const password = h("input", { name: "password", type: "password", autocomplete: "current-password", required: true });
  const errors = errorBox();
  const submit = h("button", { type: "submit" }, "Masuk");
  const form = h(
    "form",
    { class: "card" },
    h("h1", {}, "Masuk"),
    h("p", {}, "Masuk ke JMO dengan email atau nomor handphone dan kata sandi kamu."),
    field("Email / Nomor Handphone", identifier),
    field("Kata Sandi", password),
    errors,
    submit,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void busy(submit, errors, async () => {
      const { login } = await jmo.login({ input: { identifier: identifier.value.trim(), password: password.value, deviceToken: deviceToken() } });
      if (login.userErrors.length || !login.accessToken || !login.refreshToken) return errors.show(messagesOf(login.userErrors));
      saveDeviceToken(login.deviceToken);
      saveSession({ accessToken: login.accessToken, refreshToken: login.refreshToken, fullName: login.participant?.fullName ?? "" });
      location.hash = "#/beranda";
    });
  });
  root.append(form);
  identifier.focus();
}
