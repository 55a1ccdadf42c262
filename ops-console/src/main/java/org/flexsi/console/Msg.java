package org.flexsi.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The console's texts: zh-CN by default (messages/msg.properties), English in messages/msg_en.properties. */
@MessageBundle(value = "msg", locale = "zh-CN")
public interface Msg {
    @Message
    String app_name();

    @Message
    String lang_switch();

    @Message
    String nav_overview();

    @Message
    String nav_payments();

    @Message
    String nav_reconciliation();

    @Message
    String nav_rights();

    @Message
    String nav_refunds();

    @Message
    String nav_debit();

    @Message
    String nav_catalogue();

    @Message
    String sign_in();

    @Message
    String sign_out();

    @Message
    String signed_in_as();

    @Message
    String token_label();

    @Message
    String sign_in_help();

    @Message
    String token_invalid();

    @Message
    String refused_title();

    @Message
    String refused_not_ops();

    @Message
    String refused_csrf();

    @Message
    String back_to_sign_in();

    @Message
    String error_title();

    @Message
    String service_said();

    @Message
    String back();

    @Message
    String unreachable();

    @Message
    String overview_title();

    @Message
    String stuck_paying();

    @Message
    String stuck_help();

    @Message
    String held();

    @Message
    String open_issues();

    @Message
    String rights_at_risk();

    @Message
    String rights_overdue();

    @Message
    String drafts_waiting();

    @Message
    String outbox_lag();

    @Message
    String service();

    @Message
    String count();

    @Message
    String amount();

    @Message
    String total();

    @Message
    String status();

    @Message
    String channel();

    @Message
    String person();

    @Message
    String payment();

    @Message
    String payment_id();

    @Message
    String serial();

    @Message
    String created_at();

    @Message
    String paid_at();

    @Message
    String expires_at();

    @Message
    String provider_tx();

    @Message
    String reason();

    @Message
    String filter();

    @Message
    String all();

    @Message
    String find();

    @Message
    String none();

    @Message
    String payments_title();

    @Message
    String find_payment();

    @Message
    String status_check();

    @Message
    String status_checked();

    @Message
    String rights_of_payment();

    @Message
    String recon_title();

    @Message
    String recon_run();

    @Message
    String day();

    @Message
    String bank_id();

    @Message
    String run();

    @Message
    String ours();

    @Message
    String theirs();

    @Message
    String matched();

    @Message
    String issues();

    @Message
    String issue_kind();

    @Message
    String detail();

    @Message
    String resolution();

    @Message
    String resolve();

    @Message
    String note();

    @Message
    String state_open();

    @Message
    String state_resolved();

    @Message
    String recon_equal();

    @Message
    String recon_differs();

    @Message
    String resolved_ok();

    @Message
    String rights_title();

    @Message
    String record();

    @Message
    String agency();

    @Message
    String region();

    @Message
    String deadline();

    @Message
    String sent_at();

    @Message
    String at_risk();

    @Message
    String rejected();

    @Message
    String replay();

    @Message
    String replay_help();

    @Message
    String record_id();

    @Message
    String person_id();

    @Message
    String date_from();

    @Message
    String date_to();

    @Message
    String dry_run();

    @Message
    String would_send();

    @Message
    String confirm_replay();

    @Message
    String replayed();

    @Message
    String resend();

    @Message
    String close();

    @Message
    String action();

    @Message
    String refunds_title();

    @Message
    String find_refund();

    @Message
    String refund_id();

    @Message
    String payout_failed();

    @Message
    String debit_title();

    @Message
    String bank();

    @Message
    String month();

    @Message
    String lines();

    @Message
    String last_error();

    @Message
    String resent_by();

    @Message
    String resend_batch();

    @Message
    String resent_ok();

    @Message
    String catalogue_title();

    @Message
    String version();

    @Message
    String created_by();

    @Message
    String published_by();

    @Message
    String publish();

    @Message
    String published_ok();

    @Message
    String four_eyes();

    @Message
    String draft();

    @Message
    String published();

    @Message
    String yes();

    @Message
    String no();

    @Message
    String refresh();

    @Message
    String skip_to_content();

    @Message
    String certificates_of_payment();

    @Message
    String certificate_number();

    @Message
    String check_page();

    @Message
    String issued_at();

    @Message
    String nav_dead_letters();

    @Message
    String dead_letters_title();

    @Message
    String dead_letters_help();

    @Message
    String dead_letters_open();

    @Message
    String parked_at();

    @Message
    String topic();

    @Message
    String event_type();

    @Message
    String event_id();

    @Message
    String key();

    @Message
    String payload();

    @Message
    String original_headers();

    @Message
    String state_replayed();

    @Message
    String state_parked();

    @Message
    String replay_record();

    @Message
    String park();

    @Message
    String replayed_ok();

    @Message
    String parked_ok();

    @Message
    String acted_by();

    @Message
    String nav_calendar();

    @Message
    String calendar_title();

    @Message
    String calendar_help();

    @Message
    String year();

    @Message
    String loaded();

    @Message
    String source();

    @Message
    String uploaded_by();

    @Message
    String calendar_upload();

    @Message
    String off_days();

    @Message
    String make_up_days();

    @Message
    String working_day();

    @Message
    String make_up_day();

    @Message
    String holiday();

    @Message
    String weekend();

    @Message
    String year_not_loaded();

    @Message
    String calendar_uploaded();

    @Message
    String diff_of();

    @Message
    String nothing_published();

    @Message
    String field();

    @Message
    String no_changes();

    @Message
    String sign_in_oidc();

    @Message
    String sign_in_oidc_help();

    @Message
    String oidc_failed();

    @Message
    String refused_oidc_state();

    @Message
    String continue_to_console();
}
