//! The settings form as drawn: account, till and manager sections, the footer with its
//! outcome line, the unsaved-changes question and the typed-path prompt.

use crate::widget::action::button;
use crate::widget::problem::problem;
use iced::widget::{column, container, row, scrollable, text, text_input};
use iced::{Element, Fill, Length};

use super::*;
use crate::theme;
use crate::widget::segmented::segmented;

impl Settings {
    pub fn view(&self) -> Element<'_, Message> {
        let d = &self.draft;
        let envs: Vec<_> = EnvironmentKind::ALL
            .into_iter()
            .map(|k| choice(k, env_label(k)))
            .collect();
        let auths = vec![
            choice(AuthMode::ApiKey, fl!("settings-auth-api-key")),
            choice(AuthMode::Jws, fl!("settings-auth-jws")),
        ];
        let modes = vec![
            choice(PayMode::Dynamic, fl!("settings-pay-dynamic")),
            choice(PayMode::Sticker, fl!("settings-pay-sticker")),
        ];
        let colours = vec![
            choice(QrColour::Magenta, fl!("settings-colour-magenta")),
            choice(QrColour::Black, fl!("settings-colour-black")),
        ];
        let mut langs = vec![choice(None, fl!("settings-language-system"))];
        langs.extend(
            Lang::ALL
                .into_iter()
                .map(|l| choice(Some(l), l.native_name().to_string())),
        );

        let mut form = column![
            heading(fl!("settings-section-account")),
            field(
                fl!("settings-environment"),
                segmented(
                    envs.clone(),
                    selected(&envs, &d.environment),
                    Message::Environment
                )
            ),
        ]
        .spacing(10);
        if d.environment == EnvironmentKind::Custom
            && let Some(c) = &d.custom
        {
            form = form
                .push(input(fl!("settings-api-base"), &c.api_base, Field::ApiBase))
                .push(input(
                    fl!("settings-reconciliation-base"),
                    &c.reconciliation_base,
                    Field::ReconciliationBase,
                ))
                .push(input(fl!("settings-jwks-url"), &c.jwks_url, Field::JwksUrl))
                .push(input(
                    fl!("settings-payload-base"),
                    &c.payload_base,
                    Field::PayloadBase,
                ));
        }
        if d.environment != EnvironmentKind::Sandbox {
            let key_state = if self.has_api_key {
                fl!("settings-stored")
            } else {
                fl!("settings-not-stored")
            };
            let signing_state = if self.has_signing_key {
                fl!("settings-stored")
            } else {
                fl!("settings-not-stored")
            };
            form = form
                .push(field(
                    fl!("settings-auth"),
                    segmented(auths.clone(), selected(&auths, &d.auth_mode), Message::Auth),
                ))
                .push(input(
                    fl!("settings-merchant-id"),
                    &d.merchant_id,
                    Field::MerchantId,
                ))
                .push(input(
                    fl!("settings-profile-id"),
                    &d.profile_id,
                    Field::ProfileId,
                ))
                .push(field(
                    fl!("settings-api-key"),
                    row![
                        text_input(&key_state, self.api_key.expose())
                            .secure(true)
                            .on_input(|k| Message::ApiKey(Secret::new(k)))
                            .padding(8),
                    ]
                    .into(),
                ))
                .push(input(fl!("settings-key-id"), &d.key_id, Field::KeyId))
                .push(field(
                    fl!("settings-signing-key"),
                    row![
                        text(signing_state).width(Length::Fixed(120.0)),
                        action(fl!("settings-import-key"), Message::ImportKey),
                        action(fl!("settings-generate-key"), Message::GenerateKey),
                    ]
                    .spacing(8)
                    .into(),
                ))
                .push(input(
                    fl!("settings-callback-url"),
                    &d.callback_url,
                    Field::CallbackUrl,
                ));
        }
        if let Some(jwks) = &self.jwks {
            form = form
                .push(text(fl!("settings-host-jwks")).size(14))
                .push(
                    container(text(jwks.clone()).size(12))
                        .padding(8)
                        .style(theme::card),
                )
                .push(action(fl!("settings-save-jwks"), Message::SaveJwks));
        }
        form = self.d24_section(form);
        // Who the shop is: on the sticker's payments and at the head of every report.
        form = form
            .push(heading(fl!("settings-shop")))
            .push(input(
                fl!("settings-shop-name"),
                &d.shop_name,
                Field::ShopName,
            ))
            .push(input(
                fl!("settings-shop-address"),
                &d.shop_address,
                Field::ShopAddress,
            ))
            .push(input(fl!("settings-shop-vat"), &d.shop_vat, Field::ShopVat));
        form = form.push(heading(fl!("settings-section-till"))).push(field(
            fl!("settings-pay-mode"),
            segmented(
                modes.clone(),
                selected(&modes, &d.pay_mode),
                Message::PayMode,
            ),
        ));
        if d.pay_mode == PayMode::Sticker {
            form = form
                .push(input(fl!("settings-pos-id"), &d.pos_id, Field::PosId))
                .push(input(fl!("settings-shop-id"), &d.shop_id, Field::ShopId));
        }
        form = form
            .push(field(
                fl!("settings-qr-size"),
                segmented(QrSize::ALL.to_vec(), Some(d.qr_size), Message::QrSize),
            ))
            .push(field(
                fl!("settings-qr-colour"),
                segmented(
                    colours.clone(),
                    selected(&colours, &d.qr_colour),
                    Message::QrColour,
                ),
            ))
            .push(field(
                fl!("settings-customer-display"),
                action(
                    if d.customer_display {
                        fl!("settings-on")
                    } else {
                        fl!("settings-off")
                    },
                    Message::CustomerDisplay(!d.customer_display),
                ),
            ))
            .push(field(
                fl!("settings-language"),
                segmented(
                    langs.clone(),
                    selected(&langs, &d.language),
                    Message::Language,
                ),
            ))
            .push(heading(fl!("settings-section-printer")))
            .push(field(
                fl!("settings-printer"),
                text_input(&fl!("settings-printer-hint"), &d.printer)
                    .on_input(|v| Message::Text(Field::Printer, v))
                    .padding(8)
                    .into(),
            ))
            .push(field(
                fl!("settings-paper"),
                segmented(
                    vec![58, 80],
                    Some(if d.paper_mm == 58 { 58 } else { 80 }),
                    Message::Paper,
                ),
            ))
            .push(field(
                fl!("settings-print-after"),
                action(
                    if d.print_after_payment {
                        fl!("settings-on")
                    } else {
                        fl!("settings-off")
                    },
                    Message::PrintAfterPayment(!d.print_after_payment),
                ),
            ))
            .push(action(fl!("settings-print-test"), Message::PrintTest))
            .push(field(
                fl!("settings-report-printer"),
                text_input(&fl!("settings-report-printer-hint"), &d.report_printer)
                    .on_input(|v| Message::Text(Field::ReportPrinter, v))
                    .padding(8)
                    .into(),
            ))
            .push(
                text(self.system_printers_line())
                    .size(14)
                    .style(theme::muted),
            )
            .push(action(fl!("settings-print-test-a4"), Message::PrintTestA4))
            .push(heading(fl!("settings-section-manager")))
            .push(short_input(
                fl!("settings-lock-minutes"),
                &d.lock_after_minutes.to_string(),
                Field::LockMinutes,
            ))
            .push(action(fl!("settings-change-pin"), Message::ChangePin))
            .push(heading(fl!("settings-section-backup")))
            .push(input(
                fl!("settings-backup-dir"),
                &d.backup_dir,
                Field::BackupDir,
            ))
            .push(short_input(
                fl!("settings-backup-keep"),
                &d.backup_keep.to_string(),
                Field::BackupKeep,
            ))
            .push(
                text(fl!("settings-backup-hint"))
                    .size(14)
                    .style(theme::muted),
            );

        let footer: Element<'_, Message> = if self.confirm_close {
            row![
                text(fl!("settings-unsaved")).width(Fill),
                action(fl!("settings-keep-editing"), Message::KeepEditing),
                button(text(fl!("settings-discard")))
                    .padding([10, 16])
                    .style(theme::danger)
                    .on_press(Message::Discard),
            ]
            .spacing(10)
            .align_y(iced::Center)
            .into()
        } else {
            row![
                action(fl!("settings-close"), Message::Close),
                action(fl!("history-open-button"), Message::History),
                action(fl!("sticker-open"), Message::Sticker),
                button(text(fl!("settings-test")))
                    .padding([8, 14])
                    .style(theme::secondary)
                    .on_press_maybe((!self.busy).then_some(Message::TestConnection)),
                button(text(fl!("settings-save")))
                    .padding([10, 16])
                    .style(theme::primary)
                    .on_press_maybe((!self.busy).then_some(Message::Save)),
            ]
            .spacing(10)
            .align_y(iced::Center)
            .into()
        };
        // Outcomes on their own line: beside the buttons they would squeeze them to slivers.
        let outcome = match (&self.problem, &self.info) {
            (Some(p), _) => Some(problem(p, 16.0)),
            (None, Some(info)) => Some(text(info.clone()).style(theme::success).into()),
            (None, None) => None,
        };
        // Where no dialog can be shown, the typed path sits by the footer, always in view.
        let prompt = self.typed.as_ref().map(|(kind, path)| {
            let label = match kind {
                FileKind::ImportKey => fl!("file-open-this"),
                FileKind::SaveJwks => fl!("file-save-here"),
            };
            crate::widget::path_prompt::view(
                path,
                Message::TypedPath,
                (label, Message::UseTyped),
                Message::CancelTyped,
            )
        });
        let footer = column![].push(prompt).push(outcome).push(footer).spacing(8);
        // A form as wide as what it holds: on a wide screen the fields stop at a width a line
        // of an address needs, rather than running across it.
        let form = container(form.padding([0, 16]).max_width(FORM_WIDTH))
            .width(Fill)
            .align_x(iced::Center);
        container(column![scrollable(form).height(Fill), footer].spacing(14))
            .padding(24)
            .width(Fill)
            .style(theme::card)
            .into()
    }
}

impl Settings {
    /// The D24 account refunds over D24 deposits go to.
    fn d24_section<'a>(
        &'a self,
        form: iced::widget::Column<'a, Message>,
    ) -> iced::widget::Column<'a, Message> {
        let a = &self.draft.d24;
        let envs: Vec<_> = D24Environment::ALL
            .into_iter()
            .map(|e| choice(e, d24_env_label(e)))
            .collect();
        let mut form = form.push(heading(fl!("settings-section-d24"))).push(field(
            fl!("settings-environment"),
            segmented(
                envs.clone(),
                selected(&envs, &a.environment),
                Message::D24Environment,
            ),
        ));
        if a.environment.typed_url() {
            form = form.push(input(
                fl!("settings-d24-url"),
                &a.base_url,
                Field::D24BaseUrl,
            ));
        }
        if a.environment != D24Environment::Sandbox {
            let state = if self.has_d24_secret {
                fl!("settings-stored")
            } else {
                fl!("settings-not-stored")
            };
            form = form
                .push(input(fl!("settings-d24-login"), &a.login, Field::D24Login))
                .push(field(
                    fl!("settings-d24-secret"),
                    text_input(&state, self.d24_secret.expose())
                        .secure(true)
                        .on_input(|k| Message::D24Secret(Secret::new(k)))
                        .padding(8)
                        .into(),
                ));
        }
        form.push(field(
            String::new(),
            button(text(fl!("settings-d24-test")))
                .padding([8, 14])
                .style(theme::secondary)
                .on_press_maybe((!self.busy).then_some(Message::TestD24))
                .into(),
        ))
    }
}

fn heading<'a>(label: String) -> Element<'a, Message> {
    text(label).size(20).style(theme::brand).into()
}

fn field<'a>(label: String, control: Element<'a, Message>) -> Element<'a, Message> {
    crate::widget::form::labelled(label, 220.0, control)
}

/// The widest the settings form grows.
const FORM_WIDTH: f32 = 960.0;

/// A field for a short value (a number of minutes or days): as wide as what it holds.
fn short_input<'a>(label: String, value: &str, which: Field) -> Element<'a, Message> {
    field(
        label.clone(),
        text_input("", value)
            .on_input(move |v| Message::Text(which, v))
            .padding(8)
            .width(Length::Fixed(90.0))
            .into(),
    )
}

fn input<'a>(label: String, value: &str, which: Field) -> Element<'a, Message> {
    field(
        label.clone(),
        text_input(&label, value)
            .on_input(move |v| Message::Text(which, v))
            .padding(8)
            .into(),
    )
}

use crate::widget::form::action;
